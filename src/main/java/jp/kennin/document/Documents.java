package jp.kennin.document;

import java.util.List;
import java.util.Optional;

/**
 * Storing and serving a household's documents. Every method is scoped by tenant; a document of another
 * tenant or household is simply not found.
 */
public interface Documents {

	/**
	 * Checks, cleans and stores an upload. Images are re-encoded (orientation applied, EXIF/GPS removed,
	 * downscaled); PDFs are kept as sent after checking they open without a password.
	 * @throws DocumentRejectedException with the reason when the file is refused
	 */
	StoredDocument store(DocumentOwner owner, Long subjectPersonId, String slot, String originalName, byte[] content);

	/** The household's documents that are not deleted, oldest first. */
	List<StoredDocument> list(DocumentOwner owner);

	Optional<StoredDocument> find(DocumentOwner owner, long id);

	Optional<DocumentContent> openForOwner(DocumentOwner owner, long id);

	/** A small JPEG/PNG preview; empty for PDFs and unconverted HEIC (show an icon). */
	Optional<DocumentContent> thumbnailForOwner(DocumentOwner owner, long id);

	/** Metadata for staff of the tenant (no content, so not audited). */
	List<StoredDocument> listForStaff(long tenantId, String kigo, String bango);

	/** Opens a document for staff of its tenant and records an audit event. */
	Optional<DocumentContent> openForStaff(long tenantId, long id, StaffAccess access);

	/** The thumbnail for staff of its tenant; audited like the document itself. */
	Optional<DocumentContent> thumbnailForStaff(long tenantId, long id, StaffAccess access);

	/**
	 * Deletes the document and its stored bytes (the metadata row stays, marked deleted). Whether deleting
	 * is still allowed (before submission) is for the caller to decide. False if there was no such document.
	 */
	boolean delete(DocumentOwner owner, long id);

}
