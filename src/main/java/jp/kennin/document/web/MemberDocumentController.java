package jp.kennin.document.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.DocumentResponses;
import jp.kennin.document.DocumentSettings;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.roster.Roster;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member side: a household's own documents. Upload and delete come back to the page
 * named in {@code returnTo} (post/redirect/get), so the survey form can embed the upload
 * fragment.
 */
@Controller
class MemberDocumentController {

	static final String VIEW_LIST = "document/list";

	static final String DEFAULT_RETURN = "/documents";

	static final String DEFAULT_SLOT = "OTHER";

	/** A local path only: no scheme, no host, no backslash tricks. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_\\-.?=&#%]*");

	private final Documents documents;

	private final DocumentSettings settings;

	private final Roster roster;

	private final MessageSource messages;

	MemberDocumentController(Documents documents, DocumentSettings settings, Roster roster, MessageSource messages) {
		this.documents = documents;
		this.settings = settings;
		this.roster = roster;
		this.messages = messages;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/documents")
	String initListForm(Authentication authentication, Model model) {
		DocumentOwner owner = MemberOwners.require(authentication);
		List<StoredDocument> files = documents.list(owner);
		model.addAttribute("documents", files);
		model.addAttribute("maxFileBytes", settings.maxFileBytes(owner.tenantId()));
		model.addAttribute("returnTo", DEFAULT_RETURN);
		model.addAttribute("uploadsAllowed", documents.mayUpload(owner, null, DEFAULT_SLOT));
		model.addAttribute("deletable", files.stream().allMatch(doc -> documents.mayDelete(owner, doc)));
		return VIEW_LIST;
	}

	/**
	 * Comes back to the slot the file was for (URL fragment on its message), with the
	 * outcome there; a refused change (e.g. the survey form was submitted meanwhile) says
	 * so in the same place.
	 */
	@PostMapping("/documents")
	String processUploadForm(@ModelAttribute UploadForm form, Authentication authentication, Locale locale,
			RedirectAttributes redirect) {
		DocumentOwner owner = MemberOwners.require(authentication);
		String back = safeReturn(form.getReturnTo());
		if (form.getSubject() != null && !inHousehold(owner, form.getSubject())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String slot = slot(form.getSlot());
		try {
			MultipartFile file = form.getFile();
			// Nothing chosen: browsers send an empty part without a file name (NO_FILE,
			// not EMPTY).
			byte[] bytes = file == null || file.isEmpty() && blank(file.getOriginalFilename()) ? null : file.getBytes();
			StoredDocument stored = documents.store(owner, form.getSubject(), slot,
					file == null ? null : file.getOriginalFilename(), bytes);
			UploadNotice notice = new UploadNotice(slot, form.getSubject(),
					messages.getMessage("document.uploaded", new Object[] { stored.originalName() }, locale));
			redirect.addFlashAttribute("documentNotice", notice);
			return "redirect:" + SlotIds.withAnchor(back, notice.anchor());
		}
		catch (DocumentRejectedException ex) {
			return refused(redirect, back,
					new UploadError(slot, form.getSubject(), messages.getMessage(ex.messageKey(), ex.args(), locale)));
		}
		catch (IOException ex) {
			return refused(redirect, back, new UploadError(slot, form.getSubject(),
					messages.getMessage(DocumentProblem.FAILED.messageKey(), null, locale)));
		}
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id, Authentication authentication) {
		return DocumentResponses.attachment(documents.openForOwner(MemberOwners.require(authentication), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	@GetMapping("/documents/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id, Authentication authentication) {
		return DocumentResponses.inline(documents.thumbnailForOwner(MemberOwners.require(authentication), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	@PostMapping("/documents/{id}/delete")
	String processDeleteForm(@PathVariable long id, @RequestParam(required = false) String returnTo,
			Authentication authentication, Locale locale, RedirectAttributes redirect) {
		DocumentOwner owner = MemberOwners.require(authentication);
		StoredDocument doc = documents.find(owner, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String back = safeReturn(returnTo);
		UploadNotice notice = new UploadNotice(doc.slot(), doc.subjectPersonId(),
				messages.getMessage("document.deleted", new Object[] { doc.originalName() }, locale));
		try {
			if (documents.delete(owner, id)) {
				redirect.addFlashAttribute("documentNotice", notice);
			}
		}
		catch (DocumentRejectedException ex) {
			return refused(redirect, back, new UploadError(doc.slot(), doc.subjectPersonId(),
					messages.getMessage(ex.messageKey(), ex.args(), locale)));
		}
		return "redirect:" + SlotIds.withAnchor(back, notice.anchor());
	}

	private static String refused(RedirectAttributes redirect, String back, UploadError error) {
		redirect.addFlashAttribute("documentError", error);
		return "redirect:" + SlotIds.withAnchor(back, error.anchor());
	}

	private boolean inHousehold(DocumentOwner owner, long personId) {
		return roster.findById(owner.tenantId(), personId)
			.filter(p -> p.kigo().equals(owner.kigo()) && p.bango().equals(owner.bango()))
			.isPresent();
	}

	static String safeReturn(String returnTo) {
		return returnTo != null && LOCAL_PATH.matcher(returnTo).matches() && !returnTo.contains("..") ? returnTo
				: DEFAULT_RETURN;
	}

	/** A slot the store takes ({@link StoredDocument#SLOT}), else OTHER. */
	private static String slot(String slot) {
		return slot == null || !StoredDocument.SLOT.matcher(slot).matches() ? "OTHER" : slot;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
