package jp.kennin.review.web;

import java.util.Map;

import jp.kennin.eligibility.YenAmount;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.BlindIncomes;
import jp.kennin.review.ReviewActor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Blind double entry: the annual income read on the certificate, typed as members type
 * amounts (full-width digits, commas, 万), back to the review screen.
 */
@Controller
@RequestMapping("/admin/reviews/{formId}/dependents/{dependentId}/income")
class BlindIncomeController {

	private final BlindIncomes incomes;

	BlindIncomeController(BlindIncomes incomes) {
		this.incomes = incomes;
	}

	@PostMapping
	String enter(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String income,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		YenAmount.Parsed parsed = YenAmount.parse(income);
		if (!parsed.valid()) {
			// Scope and role first, so another tenant's form is "not found" here too.
			incomes.view(actor, formId);
			String typed = income == null ? "" : income.length() > 40 ? income.substring(0, 40) : income;
			redirect.addFlashAttribute("incomeEntered",
					Map.of("dependentId", dependentId, "typed", typed, "problem", BlindIncomes.INVALID));
			return ReviewPages.redirectTo(formId);
		}
		return ReviewPages.act(redirect, formId, "review.flash.incomeEntered",
				() -> incomes.enterIncome(actor, formId, version, dependentId, parsed.yen()));
	}

}
