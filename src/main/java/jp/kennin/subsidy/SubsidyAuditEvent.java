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
	SUBSIDY_RULES_CHANGED

}
