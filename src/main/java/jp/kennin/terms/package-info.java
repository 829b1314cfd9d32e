/**
 * Versioned terms of use (利用規約): the current text, publishing a new version. Members
 * consent in the account module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terms")
package jp.kennin.terms;
