package jp.kennin.document;

import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * PDFs shown to staff as page images rendered by Kennin, so no PDF is ever opened in a
 * staff browser. Authorised and audited exactly like
 * {@link Documents#openForStaff(StaffActor, long, boolean)}: the insurer's staff
 * (TENANT_ADMIN, REVIEWER) of the document's tenant only; for anyone else, and for
 * another tenant's document, empty as if it did not exist. Every call records a
 * {@link DocumentAuditEvent#DOCUMENT_VIEWED_BY_STAFF} (view {@code pages} or
 * {@code page}).
 */
public interface DocumentPages {

	/** Pages after this many are not rendered (a hostile PDF may have thousands). */
	int MAX_PAGES = 50;

	/**
	 * What the viewer shows of the document: for a PDF its page count (or why it cannot
	 * be rendered), for an image a single page served as the image itself.
	 */
	Optional<PageCount> pagesForStaff(StaffActor actor, long id);

	/**
	 * Page {@code page} (1-based) of a PDF as a PNG; empty for a page that does not exist
	 * or is beyond {@link #MAX_PAGES}, and for documents that are not PDFs.
	 * @throws PageUnavailableException when the PDF cannot be rendered
	 */
	Optional<PageImage> pageForStaff(StaffActor actor, long id, int page);

	/**
	 * @param pages the PDF's page count (0 when unreadable; 1 for an image)
	 * @param shown how many of them the viewer offers (at most {@link #MAX_PAGES})
	 * @param problem why the PDF cannot be rendered, null when it can
	 */
	record PageCount(StoredDocument document, int pages, int shown, PageProblem problem) {

		public boolean pdf() {
			return document.kind() == DocumentKind.PDF;
		}

		public boolean truncated() {
			return shown < pages;
		}

	}

	/** A rendered page: PNG bytes and their pixel size. */
	record PageImage(StoredDocument document, int page, byte[] png, int width, int height) {
	}

	/** Why a PDF's pages cannot be shown. */
	enum PageProblem {

		/** Broken, encrypted or otherwise not a PDF PDFBox can read. */
		UNREADABLE,
		/** Rendering took too long or needs too much memory (a hostile or huge page). */
		TOO_COMPLEX,
		/** Too many pages are being rendered at this moment; try again shortly. */
		BUSY

	}

	/** The PDF exists and the staff member may see it, but it cannot be rendered. */
	final class PageUnavailableException extends RuntimeException {

		private final PageProblem problem;

		public PageUnavailableException(PageProblem problem) {
			super(problem.name());
			this.problem = problem;
		}

		public PageProblem problem() {
			return problem;
		}

	}

}
