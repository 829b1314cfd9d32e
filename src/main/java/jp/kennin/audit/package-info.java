/**
 * The append-only audit log: every security-relevant outcome and every staff access to
 * personal data. There is deliberately no update or delete path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package jp.kennin.audit;
