package jp.kennin.review.web;

import java.util.ArrayList;
import java.util.List;

import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewBulkApprovals;
import jp.kennin.review.ReviewBulkApprovals.Selection;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 「一括で継続・確認完了」 from the queue: the forms ticked there (each as {@code id:version}) → a
 * confirmation with the count and the sample → the batch's result page.
 */
@Controller
class ReviewBulkController {

	static final String VIEW_CONFIRM = "review/bulkConfirm";

	static final String VIEW_RESULT = "review/bulkResult";

	private final ReviewBulkApprovals bulk;

	ReviewBulkController(ReviewBulkApprovals bulk) {
		this.bulk = bulk;
	}

	@PostMapping("/admin/campaigns/{id}/review/bulk")
	String confirm(StaffActor staff, @PathVariable long id,
			@RequestParam(name = "form", required = false) List<String> forms, Model model,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		List<Selection> selected = selections(forms);
		if (selected.isEmpty()) {
			redirect.addFlashAttribute("problem", "review.bulk.problem.none");
			return queue(id);
		}
		model.addAttribute("preview", bulk.preview(actor, id, selected));
		return VIEW_CONFIRM;
	}

	@PostMapping("/admin/campaigns/{id}/review/bulk/approve")
	String approve(StaffActor staff, @PathVariable long id,
			@RequestParam(name = "form", required = false) List<String> forms, RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		List<Selection> selected = selections(forms);
		if (selected.isEmpty()) {
			redirect.addFlashAttribute("problem", "review.bulk.problem.none");
			return queue(id);
		}
		var result = bulk.approve(actor, id, selected);
		return "redirect:/admin/campaigns/" + id + "/review/bulk/" + result.batchId();
	}

	@GetMapping("/admin/campaigns/{id}/review/bulk/{batchId}")
	String result(StaffActor staff, @PathVariable long id, @PathVariable long batchId, Model model) {
		model.addAttribute("batch", bulk.batch(ReviewActor.of(staff), id, batchId));
		return VIEW_RESULT;
	}

	private static String queue(long campaignId) {
		return "redirect:/admin/campaigns/" + campaignId + "/review";
	}

	/** {@code id:version} pairs; anything else is ignored (nothing to approve). */
	private static List<Selection> selections(List<String> values) {
		List<Selection> out = new ArrayList<>();
		for (String value : values == null ? List.<String>of() : values) {
			String[] parts = value.strip().split(":", 2);
			try {
				if (parts.length == 2 && out.size() < ReviewBulkApprovals.MAX_FORMS) {
					out.add(new Selection(Long.parseLong(parts[0]), Integer.parseInt(parts[1])));
				}
			}
			catch (NumberFormatException ex) {
				// not a form of the queue: left out
			}
		}
		return out;
	}

}
