package jp.kennin.account;

/**
 * Audit event types written by the account module ({@code audit_event.type} is the
 * constant's name).
 */
public enum AccountAuditEvent {

	LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, ACCOUNT_LOCKED, LOGOUT,
	/**
	 * A wrong (or unchecked: delay, lock) current password on マイページ; detail
	 * {@code reason} as for a login.
	 */
	CURRENT_PASSWORD_FAILED,
	/**
	 * The member's sessions were ended because the roster made the insured person
	 * inactive.
	 */
	SESSIONS_ENDED, SIGNUP_MATCH_FAILED, SIGNUP_MATCH_THROTTLED, SIGNUP_COMPLETED,
	/**
	 * Sign-up step 2 refused: too many 「already taken」 answers for this session or IP.
	 */
	SIGNUP_USER_ID_THROTTLED,
	/** No sign-up code was mailed: the roster person reached the hourly or daily cap. */
	SIGNUP_CODE_CAPPED, CODE_SENT, CODE_FAILED, CODE_EXPIRED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET,
	PASSWORD_CHANGED, USER_ID_REMINDER_SENT, EMAIL_CHANGED, TERMS_ACCEPTED, STAFF_UNLOCKED, STAFF_EMAIL_CHANGED,
	STAFF_GUIDANCE_SENT, STAFF_ACCOUNT_RESET,
	// --- invite ---
	/**
	 * Opening a campaign queued its invitations; details: {@code memberMails},
	 * {@code signupGuides}, {@code letters}.
	 */
	CAMPAIGN_INVITATIONS_QUEUED,
	// --- reminders ---
	/**
	 * A scheduled reminder slot ran; details: {@code slot}, {@code memberMails},
	 * {@code signupGuides}, {@code letters}.
	 */
	CAMPAIGN_REMINDERS_QUEUED,
	/**
	 * A staff member sent a reminder now to a filtered list; details: the filter and the
	 * counts.
	 */
	CAMPAIGN_REMINDERS_SENT_NOW

}
