package jp.kennin.document.web;

import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.document.DocumentKind;
import jp.kennin.document.DocumentPages;
import jp.kennin.document.DocumentPages.PageCount;
import jp.kennin.document.DocumentPages.PageImage;
import jp.kennin.document.DocumentPages.PageProblem;
import jp.kennin.document.DocumentPages.PageUnavailableException;
import jp.kennin.platform.StaffActor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff document viewer: images as Kennin re-encoded them, PDFs as page images
 * rendered on the server ({@link DocumentPages} authorises and audits). Rendered pages
 * may be kept by the staff member's own browser for a few minutes, never by a shared
 * cache.
 */
@Controller
class StaffDocumentViewerController {

	/**
	 * Where the back link may lead: a staff page of this site, optionally with a query
	 * and an anchor, never another host.
	 */
	private static final Pattern BACK = Pattern
		.compile("/admin(/[A-Za-z0-9_-]+)*/?(\\?[A-Za-z0-9_=&-]*)?(#[A-Za-z0-9_-]+)?");

	private static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate();

	private final DocumentPages pages;

	private final MessageSource messages;

	StaffDocumentViewerController(DocumentPages pages, MessageSource messages) {
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/admin/documents/{id}/viewer")
	String viewer(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String back, StaffActor actor, Model model) {
		PageCount count = pages.pagesForStaff(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		int shown = count.problem() == null ? count.shown() : 1;
		if (page < 1 || page > Math.max(shown, 1)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("count", count);
		model.addAttribute("doc", count.document());
		model.addAttribute("page", page);
		model.addAttribute("back", back != null && BACK.matcher(back).matches() ? back : "/admin");
		model.addAttribute("viewable",
				count.problem() == null && count.document().kind() != DocumentKind.HEIC_ORIGINAL);
		return "document/viewer";
	}

	@GetMapping(path = "/admin/documents/{id}/pages", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Pages> pages(@PathVariable long id, StaffActor actor) {
		PageCount count = pages.pagesForStaff(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PageProblem problem = count.problem();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Pages(count.document().kind().name(), count.pages(), count.shown(), count.truncated(),
					problem == null ? null : problem.name(), problem == null ? null : message(problem)));
	}

	/**
	 * The PNG, or, when the PDF cannot be rendered, a Japanese page (not an image) that
	 * says why and what to do; never a 500. Declared {@code Object} so that either goes
	 * out with the layout's usual model.
	 */
	@GetMapping("/admin/documents/{id}/pages/{page}.png")
	Object page(@PathVariable long id, @PathVariable int page, StaffActor actor, Model model,
			HttpServletResponse response) {
		PageImage image;
		try {
			image = pages.pageForStaff(actor, id, page)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (PageUnavailableException ex) {
			model.addAttribute("problem", ex.problem());
			response.setStatus(ex.problem() == PageProblem.BUSY ? HttpStatus.SERVICE_UNAVAILABLE.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "document/pageUnavailable";
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.contentLength(image.png().length)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.cacheControl(PAGE_CACHE)
			.body(image.png());
	}

	private String message(PageProblem problem) {
		return messages.getMessage("document.viewer.problem." + problem.name(), null, LocaleContextHolder.getLocale());
	}

	/**
	 * The page count for scripts.
	 *
	 * @param kind {@code PDF}, {@code IMAGE} or {@code HEIC_ORIGINAL}
	 * @param problem why a PDF cannot be shown, or null
	 */
	record Pages(String kind, int pages, int shown, boolean truncated, String problem, String message) {
	}

}
