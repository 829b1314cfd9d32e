/**
 * Retention and deletion (issue 16 item 10): the insurer's retention periods, the nightly
 * job that deletes survey documents of long-completed campaigns and the personal data of
 * households long gone from the roster, and the member's data export (開示請求) staff hand
 * over. The job is the one place that deletes across the survey, review, document and
 * account tables, because the deletion must be one transaction over all of them (the
 * owning modules have no deletes of their own); docs/retention.md lists what goes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package jp.kennin.retention;
