/**
 * Staff accounts: operators of the service and the staff of each insurer, and their
 * login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package jp.kennin.staff;
