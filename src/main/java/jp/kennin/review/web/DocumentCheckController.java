package jp.kennin.review.web;

import jp.kennin.platform.StaffActor;
import jp.kennin.review.DocumentCheck;
import jp.kennin.review.DocumentChecks;
import jp.kennin.review.ReviewActor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 「確認済」 and 「不備」 beside each document of the review screen; comes back to the screen
 * (post/redirect/get) with the result or the refusal.
 */
@Controller
class DocumentCheckController {

	private final DocumentChecks checks;

	DocumentCheckController(DocumentChecks checks) {
		this.checks = checks;
	}

	@PostMapping("/admin/reviews/{formId}/documents/{documentId}/check")
	String check(StaffActor staff, @PathVariable long formId, @PathVariable long documentId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String result,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		var check = new DocumentCheck(result(result), reason, note);
		return ReviewPages.act(redirect, formId, "review.flash.documentChecked",
				() -> checks.checkDocument(actor, formId, version, documentId, check));
	}

	private static DocumentCheck.Result result(String value) {
		try {
			return value == null || value.isBlank() ? null : DocumentCheck.Result.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
