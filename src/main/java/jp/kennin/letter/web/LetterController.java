package jp.kennin.letter.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.letter.LetterActor;
import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterSelection;
import jp.kennin.letter.Letters;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.StaffActor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letters of one campaign: the counts per list and office, and the batch PDF download
 * (a GET, like the CSV exports, so a browser simply saves the file).
 */
@Controller
class LetterController {

	private final Letters letters;

	LetterController(Letters letters) {
		this.letters = letters;
	}

	@GetMapping("/admin/campaigns/{id}/letters")
	String page(StaffActor actor, @PathVariable long id, Model model) {
		model.addAttribute("counts", letters.counts(LetterActor.insurer(actor), id));
		model.addAttribute("actor", actor);
		model.addAttribute("kinds", LetterKind.values());
		model.addAttribute("sources", LetterSelection.Source.values());
		return "letter/letters";
	}

	@GetMapping("/admin/campaigns/{id}/letters/download")
	String download(StaffActor actor, @PathVariable long id, @RequestParam(defaultValue = "INVITATION") LetterKind kind,
			@RequestParam(defaultValue = "LETTER_LIST") LetterSelection.Source source,
			@RequestParam(required = false) String office,
			@RequestParam(defaultValue = "false") boolean excludeAnswered, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		LetterActor letterActor = LetterActor.insurer(actor);
		LetterSelection selection = new LetterSelection(kind, source, office, excludeAnswered);
		if (letters.count(letterActor, id, selection) == 0) {
			redirect.addFlashAttribute("flash", "letter.flash.none");
			return "redirect:/admin/campaigns/" + id + "/letters";
		}
		response.setContentType("application/pdf");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String name = "letters_" + id + "_" + kind.name().toLowerCase(Locale.ROOT)
				+ (selection.officeCode() == null ? "" : "_" + selection.officeCode()) + ".pdf";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(Downloads.safeFileName(name), StandardCharsets.UTF_8)
					.build()
					.toString());
		letters.print(letterActor, id, selection, response.getOutputStream());
		return null;
	}

}
