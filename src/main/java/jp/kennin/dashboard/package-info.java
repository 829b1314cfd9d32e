/**
 * The campaign dashboard (issue 14): the response funnel, offices, submissions per day,
 * invitations and reminders with the submissions that followed, the work pending,
 * removals by reason and the estimated annual cost avoided, all aggregated in the
 * database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package jp.kennin.dashboard;
