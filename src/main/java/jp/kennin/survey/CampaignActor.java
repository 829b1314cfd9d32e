package jp.kennin.survey;

import jp.kennin.platform.StaffActor;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who runs a campaign action, built once per request: a staff member of the insurer, or
 * the system (the deadline job, demo data). It carries what the audit record needs;
 * {@link Campaigns} checks the role.
 *
 * @param kind {@code STAFF} or {@code SYSTEM}, as written to
 * {@code audit_event.actor_kind}
 * @param id the staff login ID, or the job's name
 * @param role the staff role name, null for the system
 * @param ip the client IP, null for the system
 */
public record CampaignActor(long tenantId, String kind, String id, String role, String ip) {

	public static final String STAFF = StaffActor.KIND;

	public static final String SYSTEM = "SYSTEM";

	/**
	 * @throws AccessDeniedException for staff without an insurer (operators run no
	 * campaigns)
	 */
	public static CampaignActor staff(StaffActor staff) {
		if (staff.tenantId() == null) {
			throw new AccessDeniedException("campaigns belong to an insurer's staff");
		}
		return new CampaignActor(staff.tenantId(), STAFF, staff.loginId(), staff.role(), staff.ip());
	}

	public static CampaignActor system(long tenantId, String name) {
		return new CampaignActor(tenantId, SYSTEM, name, null, null);
	}

	/**
	 * Only the insurer's administrators, and the system, change campaigns; reviewers
	 * read.
	 */
	public boolean mayManage() {
		return SYSTEM.equals(kind) || StaffActor.TENANT_ADMIN.equals(role);
	}

}
