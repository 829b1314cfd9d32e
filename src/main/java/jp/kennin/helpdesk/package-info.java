/**
 * The help desk for insurer staff: roster search with each person's registration status,
 * the person detail with the member account, and the account actions (unlock, change
 * email, resend the sign-up guidance, reset), each with a reason that goes into the audit
 * log. Joins the roster and account modules, which must not know each other's screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help desk")
package jp.kennin.helpdesk;
