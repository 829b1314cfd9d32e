package jp.kennin.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * Storing and serving a household's documents. Every method is scoped by tenant; a
 * document of another tenant or household is simply not found. Adding and deleting files
 * is allowed only where every {@link DocumentChangePolicy} agrees; this interface applies
 * that rule, callers only ask to show it.
 */
public interface Documents {

	/**
	 * Checks, cleans and stores an upload. Images are re-encoded (orientation applied,
	 * EXIF/GPS removed, downscaled); PDFs are kept as sent after checking they open
	 * without a password.
	 * @throws DocumentRejectedException with the reason when the file is refused,
	 * {@link DocumentProblem#UPLOAD_CLOSED} when a change policy refuses new files
	 */
	StoredDocument store(DocumentOwner owner, Long subjectPersonId, String slot, String originalName, byte[] content);

	/** The household's documents that are not deleted, oldest first. */
	List<StoredDocument> list(DocumentOwner owner);

	Optional<StoredDocument> find(DocumentOwner owner, long id);

	Optional<DocumentContent> openForOwner(DocumentOwner owner, long id);

	/** A small JPEG/PNG preview; empty for PDFs and unconverted HEIC (show an icon). */
	Optional<DocumentContent> thumbnailForOwner(DocumentOwner owner, long id);

	/**
	 * Whether every change policy lets the household add a file now (so the page offers
	 * the upload).
	 */
	boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot);

	/**
	 * Whether every change policy lets the household delete the file now (so the page
	 * offers the button).
	 */
	boolean mayDelete(DocumentOwner owner, StoredDocument document);

	/** Metadata for staff of the tenant (no content, so not audited). */
	List<StoredDocument> listForStaff(long tenantId, String kigo, String bango);

	/**
	 * The same for several households in one query (a page of the review queue), by
	 * {@link DocumentOwner#key()}; households without documents are absent.
	 */
	Map<String, List<StoredDocument>> listForStaff(long tenantId, Collection<DocumentOwner> households);

	/** Opens a document for staff of its tenant and records an audit event. */
	Optional<DocumentContent> openForStaff(long tenantId, long id, StaffAccess access);

	/** The thumbnail for staff of its tenant; audited like the document itself. */
	Optional<DocumentContent> thumbnailForStaff(long tenantId, long id, StaffAccess access);

	/**
	 * Opens a document for the insurer's staff (TENANT_ADMIN, REVIEWER) of its tenant,
	 * audited; empty for operators (no tenant) and for another tenant's document, exactly
	 * as for one that does not exist.
	 * @param thumbnail the small preview instead of the file
	 */
	Optional<DocumentContent> openForStaff(StaffActor actor, long id, boolean thumbnail);

	/**
	 * Deletes the document and its stored bytes (the metadata row stays, marked deleted).
	 * False if there was no such document.
	 * @throws DocumentRejectedException {@link DocumentProblem#DELETE_CLOSED} when a
	 * change policy keeps it
	 */
	boolean delete(DocumentOwner owner, long id);

	// --- proxy ---
	/**
	 * Stores a scanned document for a household on the member's behalf (staff proxy
	 * input, 代行入力): the same checks and cleaning as {@link #store}, audited as the staff
	 * member's upload. The change policies that govern members do not apply; the caller
	 * decides when staff may add a file.
	 * @throws org.springframework.security.access.AccessDeniedException unless the actor
	 * is a TENANT_ADMIN or REVIEWER of the household's insurer
	 * @throws DocumentRejectedException with the reason when the file is refused
	 */
	StoredDocument storeForStaff(StaffActor actor, DocumentOwner owner, Long subjectPersonId, String slot,
			String originalName, byte[] content);

}
