package jp.kennin.document;

/** Who on the staff side opens a document, for the audit record. */
public record StaffAccess(String actorId, String role, String ip) {
}
