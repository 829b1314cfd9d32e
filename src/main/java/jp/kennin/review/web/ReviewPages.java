package jp.kennin.review.web;

import jp.kennin.review.ReviewProblem;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the review controllers share: a step that reports its refusal.
 */
final class ReviewPages {

	private ReviewPages() {
	}

	static String redirectTo(long formId) {
		return "redirect:/admin/reviews/" + formId;
	}

	/**
	 * Runs the step; a refusal comes back to the review screen as a message, the flash on
	 * success.
	 */
	static String act(RedirectAttributes redirect, long formId, String flash, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("flash", flash);
		}
		catch (ReviewProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return redirectTo(formId);
	}

}
