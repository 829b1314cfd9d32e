package jp.kennin.office;

/**
 * Audit event types written by the office module ({@code audit_event.type} is the
 * constant's name). Each names the office codes seen ({@code offices}, comma-separated).
 */
public enum OfficeAuditEvent {

	/** The campaign list of an office contact; target {@code tenant:<id>}. */
	OFFICE_CAMPAIGNS_VIEWED,
	/**
	 * A page of a campaign's progress; target {@code campaign:<id>}, with the filter
	 * ({@code progress}; {@code offices} are the ones shown) and the page's first key
	 * ({@code pageStart}).
	 */
	OFFICE_PROGRESS_VIEWED,
	/**
	 * A reminder sent now to one office's households; target {@code campaign:<id>}, with
	 * the {@code households} reached.
	 */
	OFFICE_REMINDERS_SENT,
	/**
	 * The letters PDF of the offices; target {@code campaign:<id>}, with the {@code kind}
	 * and the number of {@code letters}.
	 */
	OFFICE_LETTERS_PRINTED,
	/**
	 * The campaign dashboard over the offices shown; target {@code campaign:<id>}
	 * ({@code offices} are the ones counted: all the contact's, or the one filtered).
	 */
	OFFICE_DASHBOARD_VIEWED

}
