package jp.kennin.document.internal;

import java.io.IOException;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF once to refuse what staff could not read: password-protected or otherwise
 * encrypted files and broken ones. The bytes are then kept exactly as uploaded.
 */
final class PdfInspector {

	private PdfInspector() {
	}

	/** The number of pages. */
	static int pageCount(byte[] content) {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			if (pdf.isEncrypted()) {
				// Opens without a user password but has an owner password: staff tools
				// may still balk.
				throw new DocumentRejectedException(DocumentProblem.PASSWORD_PROTECTED);
			}
			int pages = pdf.getNumberOfPages();
			if (pages < 1) {
				throw new DocumentRejectedException(DocumentProblem.CORRUPT);
			}
			return pages;
		}
		catch (InvalidPasswordException ex) {
			throw new DocumentRejectedException(DocumentProblem.PASSWORD_PROTECTED);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentRejectedException rejected) {
				throw rejected;
			}
			throw new DocumentRejectedException(DocumentProblem.CORRUPT);
		}
	}

}
