package jp.kennin.lossnotice;

/**
 * Audit event types of the removal notices ({@code audit_event.type} is the constant's
 * name). Staff downloads are recorded because the documents carry a dependent's personal
 * data; the member's own downloads are not, like the member's receipt copy (控え).
 */
public enum LossNoticeAuditEvent {

	/**
	 * A staff member downloaded one dependent's document. Target
	 * {@code survey_form:<id>}; details: {@code edaban}, {@code kind} (notice or
	 * certificate).
	 */
	LOSS_NOTICE_DOWNLOADED,
	/**
	 * A staff member downloaded every removed dependent's documents of a campaign. Target
	 * {@code campaign:<id>}; details: {@code dependents}, {@code format} (pdf or zip),
	 * {@code complete=false} when the download broke off.
	 */
	LOSS_NOTICES_BULK_DOWNLOADED,
	/**
	 * The insurer's notice settings changed. Target {@code notice_settings}; details: the
	 * new values.
	 */
	NOTICE_SETTINGS_CHANGED

}
