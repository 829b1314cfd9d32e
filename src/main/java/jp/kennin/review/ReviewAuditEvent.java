package jp.kennin.review;

/**
 * Audit event types written by the review module ({@code audit_event.type} is the
 * constant's name), each in the transaction of the change it records. Form events target
 * {@code survey_form:<id>}; details name the dependent by {@code edaban} where one is
 * concerned.
 */
public enum ReviewAuditEvent {

	/**
	 * A campaign's review queue was listed. Target {@code campaign:<id>}; details: the
	 * filters used.
	 */
	REVIEW_QUEUE_VIEWED,
	/** A form's review screen was opened. Details: {@code kigo}, {@code bango}. */
	REVIEW_VIEWED,
	/** 「審査を始める」: the form is 審査中 and assigned to the actor. */
	REVIEW_STARTED,
	/**
	 * 継続 or 保留 decided, or a 削除 decided directly. Details: {@code edaban},
	 * {@code decision}, and for 削除 {@code lossDate}, {@code reason}.
	 */
	DEPENDENT_DECIDED,
	/**
	 * A reviewer's 削除 waiting for a TENANT_ADMIN (four eyes). Details as
	 * {@link #DEPENDENT_DECIDED}.
	 */
	REMOVAL_PROPOSED,
	/**
	 * A TENANT_ADMIN approved another staff member's 削除 proposal. Details:
	 * {@code edaban}, {@code proposedBy}.
	 */
	REMOVAL_APPROVED,
	/**
	 * A TENANT_ADMIN sent a 削除 proposal back undecided. Details: {@code edaban},
	 * {@code proposedBy}, {@code note}.
	 */
	REMOVAL_SENT_BACK,
	/** The staff-only memo changed. Details: {@code length}. */
	REVIEW_MEMO_SAVED,
	/**
	 * 差し戻し. Details: {@code correctionDeadline} (Japan time), {@code reasons} (count).
	 */
	FORM_RETURNED,
	/** 確認完了. Details: {@code continued}, {@code removed}. */
	REVIEW_COMPLETED,
	/**
	 * The review settings of the insurer changed. Target {@code review_settings};
	 * details: the new values.
	 */
	REVIEW_SETTINGS_CHANGED,
	// --- bulk ---
	/**
	 * The confirmation of a bulk approval was shown. Target {@code campaign:<id>};
	 * details: {@code selected}, {@code eligible}, {@code toSample}.
	 */
	BULK_APPROVAL_PREVIEWED,
	/**
	 * A form went through bulk approval: every dependent 継続, then 確認完了. Details:
	 * {@code batch}, {@code dependents}.
	 */
	BULK_FORM_APPROVED,
	/**
	 * Bulk approval set the form aside for individual review (「抽出」, 審査中). Details:
	 * {@code batch}.
	 */
	BULK_FORM_SAMPLED,
	/**
	 * One 「一括で継続・確認完了」. Target {@code campaign:<id>}; details: {@code batch},
	 * {@code selected}, {@code approved}, {@code sampled}, {@code skipped},
	 * {@code samplePercent}, {@code skippedForms}.
	 */
	BULK_APPROVED,
	/**
	 * A bulk approval's result page was opened. Target {@code review_bulk_batch:<id>}.
	 */
	BULK_BATCH_VIEWED,
	/**
	 * A document of a form under review was marked 確認済 or 不備 (a re-check replaces the
	 * current result). Details: {@code documentId}, {@code edaban}, {@code result}, and
	 * for 不備 {@code reason}.
	 */
	DOCUMENT_CHECKED,
	/**
	 * Blind double entry: the annual income read on the certificate was saved for a
	 * dependent. Details: {@code edaban}, {@code enteredYen}, {@code memberYen},
	 * {@code toleranceYen}, {@code mismatch}.
	 */
	INCOME_ENTERED,
	// --- results ---
	/**
	 * The removal list (削除対象者一覧) was downloaded. Target {@code campaign:<id>}; details:
	 * {@code rows}, {@code format} (csv or xlsx), {@code encoding} (CSV only), and
	 * {@code complete=false} when the download broke off (rows then counts what was
	 * written).
	 */
	REMOVALS_EXPORTED,
	/** All determinations were downloaded. Details as {@link #REMOVALS_EXPORTED}. */
	DETERMINATIONS_EXPORTED,
	/**
	 * The households that did not submit (未提出者一覧) were downloaded. Details as
	 * {@link #REMOVALS_EXPORTED}.
	 */
	NON_RESPONDENTS_EXPORTED,
	/**
	 * The statistics per office (事業所別集計) were downloaded. Details as
	 * {@link #REMOVALS_EXPORTED} ({@code rows} counts the offices and the total row).
	 */
	STATISTICS_EXPORTED,
	/**
	 * The insurer's core system read determinations over the API. Actor
	 * {@code api-token:<id>}; target {@code campaign:<id>}; details: {@code rows},
	 * {@code format} (json or csv), {@code since} and {@code cursor} when given.
	 */
	DETERMINATIONS_API_READ,
	/**
	 * Closing applied the campaign's rule to the households that did not submit. Actor
	 * {@code campaign-closer} or the closing staff member; target {@code campaign:<id>};
	 * details: {@code rule} (HOLD or REMOVE), {@code forms}, {@code dependents},
	 * {@code lossDate} (REMOVE).
	 */
	NON_RESPONDERS_HANDLED,
	/**
	 * The member responded to a 削除予定 within the rebuttal window; the dependent's review
	 * is open again. Actor kind MEMBER; target {@code survey_form:<id>}; details:
	 * {@code edaban}, {@code documents}, {@code length}.
	 */
	REBUTTAL_RECEIVED

}
