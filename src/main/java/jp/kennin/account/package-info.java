/**
 * Member accounts: sign-up against the roster, login, terms consent, recovery and My page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package jp.kennin.account;
