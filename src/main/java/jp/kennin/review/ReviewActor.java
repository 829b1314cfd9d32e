package jp.kennin.review;

import jp.kennin.platform.StaffActor;

import org.springframework.security.access.AccessDeniedException;

/**
 * The insurer staff member acting on a review, built once per request; it carries what
 * the audit record needs. {@link Reviews} checks the role for each use case.
 *
 * @param role {@code TENANT_ADMIN} or {@code REVIEWER}
 * @param ip the client IP, null outside a request
 */
public record ReviewActor(long tenantId, String loginId, String role, String ip) {

	/**
	 * @throws AccessDeniedException for staff without an insurer (operators review no
	 * forms)
	 */
	public static ReviewActor of(StaffActor staff) {
		if (staff.tenantId() == null) {
			throw new AccessDeniedException("reviews belong to an insurer's staff");
		}
		return new ReviewActor(staff.tenantId(), staff.loginId(), staff.role(), staff.ip());
	}

	public boolean tenantAdmin() {
		return StaffActor.TENANT_ADMIN.equals(role);
	}

	/** TENANT_ADMINs and REVIEWERs review; nobody else. */
	public boolean mayReview() {
		return tenantAdmin() || StaffActor.REVIEWER.equals(role);
	}

}
