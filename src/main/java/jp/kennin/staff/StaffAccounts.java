package jp.kennin.staff;

import java.util.Optional;
import java.util.Set;

/**
 * Creating and finding staff accounts. Login IDs are unique and compared without case.
 */
public interface StaffAccounts {

	/**
	 * Creates an account with the given raw password (hashed with Argon2id).
	 * @param tenantId null for an OPERATOR, required otherwise
	 * @throws IllegalArgumentException if the login ID is taken or the role and tenant do
	 * not fit
	 */
	long create(String loginId, String displayName, StaffRole role, Long tenantId, String rawPassword);

	/**
	 * Creates an office contact ({@link StaffRole#OFFICE_CONTACT}) bound to the given
	 * office codes, as the system (demo data, tests). The staff pages go through
	 * {@code StaffManagement}, which also checks the codes against the roster.
	 */
	long createOfficeContact(String loginId, String displayName, long tenantId, Set<String> offices,
			String rawPassword);

	boolean exists(String loginId);

	Optional<StaffSummary> findByLoginId(String loginId);

	record StaffSummary(long id, String loginId, String displayName, StaffRole role, Long tenantId) {
	}

}
