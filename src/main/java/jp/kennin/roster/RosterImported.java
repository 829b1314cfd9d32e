package jp.kennin.roster;

/**
 * Published after a roster import changed the roster of a tenant.
 */
public record RosterImported(long tenantId, long importId, RosterImports.Mode mode, RosterImports.Counts counts) {
}
