/**
 * The eligibility pre-check (被扶養者の認定基準の事前確認): from one dependent's survey answers and the
 * roster facts it computes the applicable income limit, the 同居/別居 tests, the
 * must-live-together rule, the 75-year rule and domestic residence, and lists warnings
 * (plain Japanese reasons) and the documents the answers require. The core
 * ({@link EligibilityRules}) is plain Java; warnings never block, staff decide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility")
package jp.kennin.eligibility;
