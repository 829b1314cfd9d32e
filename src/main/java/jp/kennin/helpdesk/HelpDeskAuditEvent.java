package jp.kennin.helpdesk;

/**
 * Audit event types written by the help-desk module ({@code audit_event.type} is the
 * constant's name). The actions on a member's account are the account module's events
 * (STAFF_UNLOCKED, STAFF_EMAIL_CHANGED, …).
 */
public enum HelpDeskAuditEvent {

	/**
	 * Staff opened a person's detail. Target {@code roster_person:<id>}; details:
	 * {@code kigo}, {@code bango}.
	 */
	ROSTER_PERSON_VIEWED

}
