package jp.kennin.subsidy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.SubsidyClaimStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 補助金申請の審査: the claim queue, filtered and paged by key, and bulk approval of clean claims
 * (ticked ones, or all clean ones the filter finds). Who may is {@link ClaimReview}'s
 * rule.
 */
@Controller
class ClaimQueueController {

	static final String VIEW = "subsidy/review/queue";

	static final String VIEW_BULK = "subsidy/review/bulkResult";

	static final String FORM = "claimQueueForm";

	private final ClaimReview review;

	ClaimQueueController(ClaimReview review) {
		this.review = review;
	}

	@GetMapping("/admin/subsidy/claims")
	String queue(StaffActor staff, @ModelAttribute(FORM) ClaimQueueForm form, BindingResult result, Model model) {
		ClaimReview.Filter filter = form.filter(result);
		ClaimReview.After after = form.after();
		model.addAttribute("queue", review.queue(staff, filter, after));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", SubsidyClaimStatus.sent());
		model.addAttribute("paged", after != null);
		return VIEW;
	}

	/** The ticked claims, each as {@code <id>:<version>} as the queue showed it. */
	@PostMapping("/admin/subsidy/claims/bulk")
	String bulk(StaffActor staff, @RequestParam(name = "claim", required = false) List<String> selected, Model model) {
		Map<Long, Integer> claims = new LinkedHashMap<>();
		for (String s : selected == null ? List.<String>of() : selected) {
			String[] parts = s.split(":", 2);
			try {
				claims.put(Long.parseLong(parts[0].strip()),
						parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1);
			}
			catch (NumberFormatException ex) {
				// not a claim of the queue: ignored
			}
		}
		model.addAttribute("result", review.approveClean(staff, claims));
		return VIEW_BULK;
	}

	@PostMapping("/admin/subsidy/claims/bulk-all")
	String bulkAll(StaffActor staff, @ModelAttribute(FORM) ClaimQueueForm form, BindingResult result, Model model) {
		ClaimReview.Filter filter = form.filter(result);
		model.addAttribute("result", review.approveAllClean(staff, filter));
		return VIEW_BULK;
	}

}
