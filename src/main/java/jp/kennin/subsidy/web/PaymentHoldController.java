package jp.kennin.subsidy.web;

import java.util.List;
import java.util.function.Supplier;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyPaymentHolds;
import jp.kennin.subsidy.SubsidyPaymentHolds.Held;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 支給の保留 from the batch page (one claim, or every household that cannot be paid) and its
 * release from the payments page. A refused action comes back to the page with the
 * reason; who may is {@link SubsidyPaymentHolds}' rule.
 */
@Controller
class PaymentHoldController {

	private final SubsidyPaymentHolds holds;

	PaymentHoldController(SubsidyPaymentHolds holds) {
		this.holds = holds;
	}

	@PostMapping("/admin/subsidy/payments/{id}/hold")
	String hold(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(name = "claim", required = false) List<Long> claims, RedirectAttributes redirect) {
		return held(() -> holds.hold(staff, id, version == null ? -1 : version, claims == null ? List.of() : claims),
				id, redirect);
	}

	@PostMapping("/admin/subsidy/payments/{id}/hold-unpayable")
	String holdUnpayable(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return held(() -> holds.holdUnpayable(staff, id, version == null ? -1 : version), id, redirect);
	}

	@PostMapping("/admin/subsidy/payments/held/{claimId}/release")
	String release(StaffActor staff, @PathVariable long claimId, @RequestParam(required = false) Integer year,
			RedirectAttributes redirect) {
		try {
			holds.release(staff, claimId);
			redirect.addFlashAttribute("done", "subsidy.payments.done.released");
		}
		catch (PaymentProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/admin/subsidy/payments" + (year == null ? "" : "?year=" + year);
	}

	/**
	 * Back to the batch with what was held, to the list if the batch is gone, or the
	 * reason.
	 */
	private static String held(Supplier<Held> hold, long batchId, RedirectAttributes redirect) {
		Held held;
		try {
			held = hold.get();
		}
		catch (PaymentProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/admin/subsidy/payments/" + batchId;
		}
		redirect.addFlashAttribute("doneCount", held.claims());
		if (!held.batchRemains()) {
			redirect.addFlashAttribute("done", "subsidy.payments.done.heldBatchGone");
			return "redirect:/admin/subsidy/payments?year=" + held.fiscalYear();
		}
		redirect.addFlashAttribute("done", "subsidy.payments.done.held");
		return "redirect:/admin/subsidy/payments/" + batchId;
	}

}
