package jp.kennin.document.web;

import java.util.Optional;

import jp.kennin.document.DocumentContent;
import jp.kennin.document.DocumentResponses;
import jp.kennin.document.Documents;
import jp.kennin.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff of the document's tenant open documents here; who may, and the audit record of
 * each access, are {@link Documents#openForStaff(StaffActor, long, boolean)}'s. Operators
 * (no tenant) and other tenants get 404.
 */
@Controller
class StaffDocumentController {

	private final Documents documents;

	StaffDocumentController(Documents documents) {
		this.documents = documents;
	}

	@GetMapping("/admin/documents/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id, StaffActor actor) {
		return DocumentResponses.attachment(found(documents.openForStaff(actor, id, false)));
	}

	/**
	 * A safe inline view of images (re-encoded by Kennin); PDFs and HEIC are downloaded
	 * instead.
	 */
	@GetMapping("/admin/documents/{id}/view")
	ResponseEntity<byte[]> view(@PathVariable long id, StaffActor actor) {
		return DocumentResponses.inline(found(documents.openForStaff(actor, id, false)));
	}

	@GetMapping("/admin/documents/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, StaffActor actor) {
		return DocumentResponses.inline(found(documents.openForStaff(actor, id, true)));
	}

	private static DocumentContent found(Optional<DocumentContent> content) {
		return content.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
