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
	SUBSIDY_PAYEE_SAVED

}
