/**
 * Member accounts: sign-up against the roster, login, terms consent, recovery and My
 * page. The public API is {@link jp.kennin.account.MemberAccounts} (help desk) and the
 * audit event types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package jp.kennin.account;
