package jp.kennin.survey;

/**
 * Audit event types written by the survey module ({@code audit_event.type} is the
 * constant's name). Campaign events target {@code campaign:<id>} and are written in the
 * transaction of the change they record.
 */
public enum SurveyAuditEvent {

	/**
	 * A campaign was created. Details: every field entered ({@code title},
	 * {@code referenceDate}, {@code opensAt}, {@code deadline} in Japan time,
	 * {@code categories}, age and recognition rules, …).
	 */
	CAMPAIGN_CREATED,
	/**
	 * A campaign being prepared was edited. Details: the fields that changed, with their
	 * new values.
	 */
	CAMPAIGN_UPDATED,
	/**
	 * The exclusion list was replaced. Details: {@code before}, {@code after} (entries).
	 */
	CAMPAIGN_EXCLUSIONS_REPLACED,
	/**
	 * A campaign was opened and its forms created. Details: {@code forms},
	 * {@code households}, {@code dependents}, {@code overlapping} (dependents already in
	 * another open campaign).
	 */
	CAMPAIGN_OPENED,
	/**
	 * The deadline of an open campaign moved. Details: {@code from}, {@code to} (Japan
	 * time).
	 */
	CAMPAIGN_DEADLINE_CHANGED,
	/**
	 * Submissions after the deadline were allowed or stopped. Details: {@code allowed}
	 * (true/false).
	 */
	CAMPAIGN_LATE_SUBMISSION_CHANGED,
	/**
	 * A campaign was closed, by staff or by the deadline job (actor kind {@code SYSTEM}).
	 * Details: {@code forms}, {@code notSubmitted}.
	 */
	CAMPAIGN_CLOSED,
	/** A closed campaign was marked complete. Details: {@code forms}. */
	CAMPAIGN_COMPLETED,
	/**
	 * What closing does with households that did not submit was chosen. Details:
	 * {@code from}, {@code to} (HOLD or REMOVE).
	 */
	CAMPAIGN_NON_RESPONDER_RULE_CHANGED,
	/**
	 * Staff opened a household's form. Target {@code survey_form:<id>}; details:
	 * {@code kigo}, {@code bango}.
	 */
	SURVEY_FORM_VIEWED,
	/**
	 * Staff downloaded a campaign's forms as CSV. Details: {@code forms},
	 * {@code encoding}.
	 */
	SURVEY_FORMS_EXPORTED,
	/** Insurer-specific income limits were set. Target {@code eligibility:<date>}. */
	ELIGIBILITY_PARAMETERS_SET,
	/** Insurer-specific income limits were removed. Target {@code eligibility:<date>}. */
	ELIGIBILITY_PARAMETERS_REMOVED,
	// --- proxy ---
	/**
	 * Staff started (or continued) entering a household's form on the member's behalf
	 * (代行入力). Target {@code survey_form:<id>}; details: {@code kigo}, {@code bango},
	 * {@code channel}, {@code draft} (true when the member had already begun).
	 */
	PROXY_STARTED,
	/**
	 * Staff saved answers on the member's behalf. Target {@code survey_form:<id>};
	 * details: {@code channel}, {@code dependent} (the form dependent's ID, or
	 * {@code household}), {@code step}.
	 */
	PROXY_ANSWER_SAVED,
	/**
	 * Staff uploaded a scanned document on the member's behalf. Target
	 * {@code survey_form:<id>}; details: {@code channel}, {@code document}, {@code slot}.
	 */
	PROXY_DOCUMENT_UPLOADED,
	/**
	 * Staff submitted the form on the member's behalf. Target {@code survey_form:<id>};
	 * details: {@code channel}, {@code receiptNumber}.
	 */
	PROXY_SUBMITTED

}
