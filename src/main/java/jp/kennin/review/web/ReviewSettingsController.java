package jp.kennin.review.web;

import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.Reviews;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 審査の設定 (TENANT_ADMIN of the insurer): four eyes, the correction days, the 不備 reason
 * templates, the bulk-approval sample, blind income entry and its tolerance. Who may read
 * and save is {@link Reviews}' rule (a REVIEWER gets the 403 page).
 */
@Controller
class ReviewSettingsController {

	static final String VIEW_SETTINGS = "review/settings";

	static final String FORM = "reviewSettingsForm";

	private final Reviews reviews;

	ReviewSettingsController(Reviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/admin/review-settings")
	String show(StaffActor staff, Model model) {
		ReviewActor actor = ReviewActor.of(staff);
		model.addAttribute(FORM, ReviewSettingsForm.of(reviews.settingsForEditing(actor)));
		return VIEW_SETTINGS;
	}

	@PostMapping("/admin/review-settings")
	String save(StaffActor staff, @ModelAttribute(FORM) ReviewSettingsForm form, BindingResult result, Model model) {
		ReviewActor actor = ReviewActor.of(staff);
		// Refuses a REVIEWER before any message about the values is shown.
		reviews.settingsForEditing(actor);
		form.validate(result);
		if (result.hasErrors()) {
			return VIEW_SETTINGS;
		}
		try {
			reviews.changeSettings(actor, form.settings());
		}
		catch (ReviewProblem problem) {
			model.addAttribute("problem", problem.messageKey());
			return VIEW_SETTINGS;
		}
		return "redirect:/admin/review-settings?saved";
	}

}
