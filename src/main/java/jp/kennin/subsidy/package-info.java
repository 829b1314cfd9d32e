/**
 * The influenza vaccination subsidy (インフルエンザ補助金申請, issue 15): each insurer's rules per
 * fiscal year — shot and claim windows, who is covered, the cap per person or per dose,
 * municipal aid deducted, the payment route and batch cut-off — and the calculation that
 * applies them to one claim. Members' claims, the staff queue, payment batches and their
 * files build on these (docs/subsidy.md says what is built).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Influenza subsidy")
package jp.kennin.subsidy;
