package jp.kennin.staff;

/**
 * OPERATOR runs the service for all tenants; TENANT_ADMIN manages one tenant; REVIEWER
 * looks up members and reviews submissions of one tenant.
 */
public enum StaffRole {

	OPERATOR, TENANT_ADMIN, REVIEWER

}
