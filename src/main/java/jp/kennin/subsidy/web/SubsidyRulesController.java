package jp.kennin.subsidy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyRules;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * インフルエンザ補助金の設定 (TENANT_ADMIN): a fiscal year's rules. Who may is {@link Subsidies}'s
 * rule; a year not saved yet shows the suggested rules to start from.
 */
@Controller
class SubsidyRulesController {

	static final String VIEW = "subsidy/rules";

	static final String FORM = "subsidyRulesForm";

	private final Subsidies subsidies;

	private final Clock clock;

	SubsidyRulesController(Subsidies subsidies, Clock clock) {
		this.subsidies = subsidies;
		this.clock = clock;
	}

	@GetMapping("/admin/subsidy/rules")
	String current(StaffActor staff) {
		subsidies.years(staff);
		return "redirect:/admin/subsidy/rules/"
				+ SubsidyRules.fiscalYearOf(LocalDate.now(clock.withZone(JapanTime.ZONE)));
	}

	@GetMapping("/admin/subsidy/rules/{year}")
	String show(StaffActor staff, @PathVariable int year, Model model) {
		requireYear(year);
		SubsidyRules rules = subsidies.rules(staff, year).orElse(null);
		model.addAttribute(FORM, SubsidyRulesForm.of(rules == null ? SubsidyRules.suggested(year) : rules));
		model.addAttribute("saved", rules != null);
		return page(staff, year, model);
	}

	@PostMapping("/admin/subsidy/rules/{year}")
	String save(StaffActor staff, @PathVariable int year, @ModelAttribute(FORM) SubsidyRulesForm form,
			BindingResult result, Model model) {
		requireYear(year);
		// Refuses other staff before any message about the values is shown.
		boolean saved = subsidies.rules(staff, year).isPresent();
		SubsidyRules rules = form.validate(year, result);
		if (rules == null) {
			model.addAttribute("saved", saved);
			return page(staff, year, model);
		}
		subsidies.saveRules(staff, rules);
		return "redirect:/admin/subsidy/rules/" + year + "?done";
	}

	private String page(StaffActor staff, int year, Model model) {
		int current = SubsidyRules.fiscalYearOf(LocalDate.now(clock.withZone(JapanTime.ZONE)));
		TreeSet<Integer> years = new TreeSet<>(subsidies.years(staff));
		years.add(current);
		years.add(current + 1);
		years.add(year);
		List<Integer> newestFirst = new ArrayList<>(years.descendingSet());
		model.addAttribute("year", year);
		model.addAttribute("years", newestFirst);
		return VIEW;
	}

	/** Fiscal years a kenpo could plan for; others are not a page. */
	private static void requireYear(int year) {
		if (year < 2000 || year > 2100) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
