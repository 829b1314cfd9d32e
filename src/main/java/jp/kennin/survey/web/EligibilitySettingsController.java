package jp.kennin.survey.web;

import java.time.Clock;
import java.time.LocalDate;

import jp.kennin.eligibility.RuleParameters;
import jp.kennin.eligibility.YenAmount;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.internal.EligibilitySettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insurer's own dated rule parameters for the pre-check (income limits, ages), on top
 * of the legal defaults; who may see and change them is {@link EligibilitySettings}'s
 * rule.
 */
@Controller
class EligibilitySettingsController {

	static final String VIEW = "survey/eligibilitySettings";

	private final EligibilitySettings settings;

	private final Clock clock;

	EligibilitySettingsController(EligibilitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/admin/eligibility")
	String show(StaffActor actor, Model model) {
		addLists(model, actor);
		if (!model.containsAttribute("parametersForm")) {
			model.addAttribute("parametersForm",
					RuleParametersForm.of(RuleParameters.defaultsOn(JapanTime.today(clock))));
		}
		return VIEW;
	}

	@PostMapping("/admin/eligibility")
	String add(StaffActor actor, @ModelAttribute("parametersForm") RuleParametersForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		RuleParameters parameters = parse(form, result);
		if (parameters == null) {
			addLists(model, actor);
			return VIEW;
		}
		settings.set(actor, parameters);
		redirect.addFlashAttribute("flash", "survey.eligibility.flash.saved");
		return "redirect:/admin/eligibility";
	}

	@PostMapping("/admin/eligibility/remove")
	String remove(StaffActor actor, @RequestParam String validFrom, RedirectAttributes redirect) {
		if (settings.remove(actor, LocalDate.parse(validFrom))) {
			redirect.addFlashAttribute("flash", "survey.eligibility.flash.removed");
		}
		return "redirect:/admin/eligibility";
	}

	private void addLists(Model model, StaffActor actor) {
		model.addAttribute("own", settings.own(actor));
		model.addAttribute("defaults", RuleParameters.DEFAULTS);
	}

	private static RuleParameters parse(RuleParametersForm f, Errors errors) {
		LocalDate validFrom = CampaignFormParser.date(f.getValidFrom(), "validFrom", true, errors);
		Long standard = yen(f.getStandardLimit(), "standardLimit", true, errors);
		Long young = yen(f.getYoungAdultLimit(), "youngAdultLimit", false, errors);
		Long senior = yen(f.getSeniorLimit(), "seniorLimit", true, errors);
		Integer youngMin = age(f.getYoungAdultMinAge(), "youngAdultMinAge", errors);
		Integer youngMax = age(f.getYoungAdultMaxAge(), "youngAdultMaxAge", errors);
		Integer seniorAge = age(f.getSeniorAge(), "seniorAge", errors);
		Integer latter = age(f.getLatterStageAge(), "latterStageAge", errors);
		if (youngMin != null && youngMax != null && youngMin > youngMax) {
			errors.rejectValue("youngAdultMaxAge", "survey.campaign.error.ageRange");
		}
		LocalDate contractFrom = CampaignFormParser.date(f.getLabourContractFrom(), "labourContractFrom", false,
				errors);
		String weeks = StepParser.clean(f.getContractWeeksPerYear());
		if (!weeks.matches("\\d{1,2}") || Integer.parseInt(weeks) < 1 || Integer.parseInt(weeks) > 53) {
			errors.rejectValue("contractWeeksPerYear", "survey.eligibility.error.weeks");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new RuleParameters(validFrom, standard, young, youngMin, youngMax, senior, seniorAge, latter,
				contractFrom, Integer.parseInt(weeks));
	}

	private static Long yen(String typed, String field, boolean required, Errors errors) {
		YenAmount.Parsed parsed = YenAmount.parse(typed);
		if (parsed.blank()) {
			if (required) {
				errors.rejectValue(field, "survey.form.error.amountRequired");
			}
			return null;
		}
		if (!parsed.valid() || parsed.yen() <= 0) {
			errors.rejectValue(field, "survey.form.error.amountInvalid");
			return null;
		}
		return parsed.yen();
	}

	private static Integer age(String typed, String field, Errors errors) {
		String value = StepParser.clean(typed);
		if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 120) {
			errors.rejectValue(field, "survey.campaign.error.ageInvalid");
			return null;
		}
		return Integer.valueOf(value);
	}

}
