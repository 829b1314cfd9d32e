package jp.kennin.subsidy.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kennin.document.DocumentResponses;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.ClaimReview.ClaimReviewProblem;
import jp.kennin.subsidy.ClaimReview.ReceiptCheck;
import jp.kennin.subsidy.ClaimReview.ReturnReason;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One claim's review screen: the receipt (zoom and rotate in the page), the claim, the
 * roster person, the checklist, the duplicate warnings and the recomputed assessment;
 * approve, return or reject. A refused decision comes back to the screen with the reason
 * next to its form and everything typed kept.
 */
@Controller
class ClaimReviewController {

	static final String VIEW = "subsidy/review/claim";

	private final ClaimReview review;

	ClaimReviewController(ClaimReview review) {
		this.review = review;
	}

	@GetMapping("/admin/subsidy/claims/{id}")
	String show(StaffActor staff, @PathVariable long id, Model model) {
		model.addAttribute("claim", review.open(staff, id));
		model.addAttribute("checks", ReceiptCheck.values());
		model.addAttribute("reasons", ReturnReason.values());
		return VIEW;
	}

	@GetMapping("/admin/subsidy/claims/{id}/receipts/{documentId}")
	ResponseEntity<byte[]> receipt(StaffActor staff, @PathVariable long id, @PathVariable long documentId) {
		return DocumentResponses.inline(review.receipt(staff, id, documentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	@PostMapping("/admin/subsidy/claims/{id}/approve")
	String approve(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(name = "check", required = false) List<String> checks, RedirectAttributes redirect) {
		Set<ReceiptCheck> checked = EnumSet.noneOf(ReceiptCheck.class);
		for (String c : checks == null ? List.<String>of() : checks) {
			try {
				checked.add(ReceiptCheck.valueOf(c));
			}
			catch (IllegalArgumentException ex) {
				// not one of the five: ignored
			}
		}
		try {
			review.approve(staff, id, version == null ? -1 : version, checked);
			redirect.addFlashAttribute("done", "subsidy.review.done.APPROVED");
		}
		catch (ClaimReviewProblem problem) {
			refused(redirect, problem, "approve");
			redirect.addFlashAttribute("checked", new ArrayList<>(checked.stream().map(Enum::name).toList()));
		}
		return redirect(id);
	}

	@PostMapping("/admin/subsidy/claims/{id}/return")
	String returnClaim(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		ReturnReason chosen = null;
		try {
			chosen = reason == null || reason.isBlank() ? null : ReturnReason.valueOf(reason);
		}
		catch (IllegalArgumentException ex) {
			chosen = null;
		}
		try {
			review.returnClaim(staff, id, version == null ? -1 : version, chosen, text);
			redirect.addFlashAttribute("done", "subsidy.review.done.RETURNED");
		}
		catch (ClaimReviewProblem problem) {
			refused(redirect, problem, "return");
			redirect.addFlashAttribute("returnReason", chosen == null ? "" : chosen.name());
			redirect.addFlashAttribute("returnText", text == null ? "" : text);
		}
		return redirect(id);
	}

	@PostMapping("/admin/subsidy/claims/{id}/reject")
	String reject(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			review.reject(staff, id, version == null ? -1 : version, reason);
			redirect.addFlashAttribute("done", "subsidy.review.done.REJECTED");
		}
		catch (ClaimReviewProblem problem) {
			refused(redirect, problem, "reject");
			redirect.addFlashAttribute("rejectReason", reason == null ? "" : reason);
		}
		return redirect(id);
	}

	private static void refused(RedirectAttributes redirect, ClaimReviewProblem problem, String action) {
		redirect.addFlashAttribute("problem", problem.messageKey());
		redirect.addFlashAttribute("problemDetail", problem.detailKey());
		redirect.addFlashAttribute("problemAction", action);
	}

	private static String redirect(long id) {
		return "redirect:/admin/subsidy/claims/" + id;
	}

}
