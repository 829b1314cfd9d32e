package jp.kennin.subsidy;

/**
 * Audit event types of the subsidy module ({@code audit_event.type} is the constant's
 * name).
 */
public enum SubsidyAuditEvent {

	/**
	 * A TENANT_ADMIN saved a fiscal year's subsidy rules. Target
	 * {@code subsidy_rules:<fiscal year>}; details: each changed field as
	 * {@code <field>.from} and {@code <field>.to}.
	 */
	SUBSIDY_RULES_CHANGED,

	// --- claimreview ---
	/**
	 * Staff listed the claim queue. Target {@code subsidy_claims}; details: the filters.
	 */
	SUBSIDY_CLAIM_QUEUE_VIEWED,

	/**
	 * Staff opened a claim's review screen. Target {@code subsidy_claim:<id>}; details:
	 * {@code receipt}, {@code status}.
	 */
	SUBSIDY_CLAIM_VIEWED,

	/**
	 * A SUBMITTED claim was opened and is now IN_REVIEW (処理中). Target
	 * {@code subsidy_claim:<id>}.
	 */
	SUBSIDY_CLAIM_REVIEW_STARTED,

	/**
	 * 支給決定. Target {@code subsidy_claim:<id>}; details: {@code receipt}, {@code amount},
	 * {@code storedAmount}, {@code checklist} (the items ticked, or {@code BULK}).
	 */
	SUBSIDY_CLAIM_APPROVED,

	/**
	 * 差し戻し. Target {@code subsidy_claim:<id>}; details: {@code receipt},
	 * {@code reasonCode}, {@code reason}.
	 */
	SUBSIDY_CLAIM_RETURNED,

	/**
	 * 却下. Target {@code subsidy_claim:<id>}; details: {@code receipt}, {@code reason}.
	 */
	SUBSIDY_CLAIM_REJECTED,

	/**
	 * A TENANT_ADMIN approved clean claims in bulk (each also recorded as
	 * {@link #SUBSIDY_CLAIM_APPROVED}). Target {@code subsidy_claims}; details:
	 * {@code approved}, {@code skipped}, {@code mode} (SELECTED or FILTER).
	 */
	SUBSIDY_CLAIMS_BULK_APPROVED,

	// --- member ---
	/**
	 * A member sent a claim, or resent a returned one. Actor MEMBER (記号:番号); target
	 * {@code subsidy_claim:<id>}; details: {@code receipt}, {@code amount},
	 * {@code resent}.
	 */
	SUBSIDY_CLAIM_SUBMITTED,

	/**
	 * A member withdrew (取下げ) a sent claim. Target {@code subsidy_claim:<id>}; details:
	 * {@code receipt}.
	 */
	SUBSIDY_CLAIM_WITHDRAWN,

	/**
	 * A member gave or changed the bank account for bank-transfer payments. Target
	 * {@code subsidy_payee:<member account id>}; details: {@code bank}, {@code branch},
	 * {@code replaced} (never the account number).
	 */
	SUBSIDY_PAYEE_SAVED,

	// --- payment batches ---
	/**
	 * Staff listed a fiscal year's payment batches. Target
	 * {@code subsidy_payment_batches}; details: {@code fiscalYear}.
	 */
	SUBSIDY_PAYMENT_BATCHES_VIEWED,

	/**
	 * Staff opened a payment batch. Target {@code subsidy_payment_batch:<id>}; details:
	 * {@code status}, {@code claims}.
	 */
	SUBSIDY_PAYMENT_BATCH_VIEWED,

	/**
	 * A batch was formed, by a TENANT_ADMIN (今すぐ締める, actor STAFF) or at the scheduled
	 * cut-off (actor SYSTEM {@code subsidy-cutoff}). Target
	 * {@code subsidy_payment_batch:<id>}; details: {@code mode} (NOW or CUTOFF),
	 * {@code fiscalYear}, {@code route}, {@code cutOff}, {@code claims}, {@code total}.
	 */
	SUBSIDY_PAYMENT_BATCH_CLOSED,

	/**
	 * A TENANT_ADMIN downloaded a batch's file. Target
	 * {@code subsidy_payment_batch:<id>}; details: {@code format}, {@code claims},
	 * {@code total}, {@code locked} (this download locked the batch), {@code again} (the
	 * stored file was sent).
	 */
	SUBSIDY_PAYMENT_BATCH_EXPORTED,

	/**
	 * A TENANT_ADMIN marked a batch 支給済み. Target {@code subsidy_payment_batch:<id>};
	 * details: {@code paidOn}, {@code claims}, {@code total}.
	 */
	SUBSIDY_PAYMENT_BATCH_PAID,

	/**
	 * A claim became 支給済み with its batch. Target {@code subsidy_claim:<id>}; details:
	 * {@code batch}, {@code paidOn}.
	 */
	SUBSIDY_CLAIM_PAID,

	/**
	 * A TENANT_ADMIN took a claim out of an open batch and held it (支給の保留). Target
	 * {@code subsidy_claim:<id>}; details: {@code batch}, {@code receipt},
	 * {@code amount}, {@code mode} (SELECTED or UNPAYABLE).
	 */
	SUBSIDY_CLAIM_PAYMENT_HELD,

	/**
	 * A TENANT_ADMIN released a held claim; it waits for the next batch. Target
	 * {@code subsidy_claim:<id>}; details: {@code receipt}.
	 */
	SUBSIDY_CLAIM_PAYMENT_RELEASED,

	/**
	 * The reminder before the claim window closes was sent (actor SYSTEM
	 * {@code subsidy-deadline-reminder}). Target {@code subsidy_rules:<fiscal year>};
	 * details: {@code claimTo}, {@code members} (how many were mailed).
	 */
	SUBSIDY_DEADLINE_REMINDED,

	/**
	 * A TENANT_ADMIN opened the transfer source. Target {@code subsidy_transfer_source}.
	 */
	SUBSIDY_TRANSFER_SOURCE_VIEWED,

	/**
	 * A TENANT_ADMIN saved the transfer source. Target {@code subsidy_transfer_source};
	 * details: each changed field as {@code <field>.from} and {@code <field>.to}.
	 */
	SUBSIDY_TRANSFER_SOURCE_CHANGED

}
