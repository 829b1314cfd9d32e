package jp.kennin.staff;

/**
 * OPERATOR runs the service for all tenants; TENANT_ADMIN manages one tenant; REVIEWER
 * looks up members and reviews submissions of one tenant; OFFICE_CONTACT (事業所担当者) sees
 * only the survey progress of the households of their offices (see {@link StaffOffices}),
 * never answers, income or documents.
 */
public enum StaffRole {

	OPERATOR, TENANT_ADMIN, REVIEWER, OFFICE_CONTACT

}
