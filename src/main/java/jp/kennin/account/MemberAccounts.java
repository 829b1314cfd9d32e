package jp.kennin.account;

/**
 * Help-desk actions on members' accounts, for the administration module's staff screens.
 * Every action is scoped by tenant, works on an insured person of the roster (本人), and is
 * audited with the staff actor.
 */
public interface MemberAccounts {

	/**
	 * @throws java.util.NoSuchElementException if the person is not an insured person of
	 * the tenant
	 */
	RegistrationStatus status(long tenantId, long rosterPersonId);

	/** Lifts a temporary lock and clears the failure count. */
	void unlock(long tenantId, long rosterPersonId, StaffActor actor);

	/**
	 * Changes the registered email address; both the old and the new address get a
	 * notice.
	 * @throws IllegalArgumentException if the address is malformed
	 * @throws IllegalStateException if the person has no registered account
	 */
	void changeEmail(long tenantId, long rosterPersonId, String newEmail, StaffActor actor);

	/**
	 * Mails the sign-up guidance (URL and 保険者指定コード) to the roster's address.
	 * @throws IllegalStateException if the roster has no address for the person or the
	 * person is registered
	 */
	void resendSignupGuidance(long tenantId, long rosterPersonId, StaffActor actor);

	/** Deletes the account and ends its sessions; the member signs up again. */
	void reset(long tenantId, long rosterPersonId, StaffActor actor);

	/**
	 * Who acts and why: the staff login ID, role, client IP and the reason they gave
	 * (null if none), all written to the action's one audit event.
	 */
	record StaffActor(String loginId, String role, String ip, String reason) {

		public StaffActor(String loginId, String role, String ip) {
			this(loginId, role, ip, null);
		}

	}

}
