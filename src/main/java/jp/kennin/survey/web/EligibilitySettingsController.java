package jp.kennin.survey.web;

import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.audit.AuditLog;
import jp.kennin.eligibility.Eligibility;
import jp.kennin.eligibility.RuleParameters;
import jp.kennin.eligibility.YenAmount;

import org.springframework.security.core.Authentication;
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
 * The insurer's own dated rule parameters for the pre-check (income limits, ages), on top of the legal
 * defaults. TENANT_ADMIN changes them; every change is audited.
 */
@Controller
class EligibilitySettingsController {

	static final String VIEW = "survey/eligibilitySettings";

	private final Eligibility eligibility;

	private final AuditLog audit;

	private final java.time.Clock clock;

	EligibilitySettingsController(Eligibility eligibility, AuditLog audit, java.time.Clock clock) {
		this.eligibility = eligibility;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/eligibility")
	String show(Authentication auth, Model model) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		if (!model.containsAttribute("parametersForm")) {
			model.addAttribute("parametersForm", RuleParametersForm.of(RuleParameters.defaultsOn(jp.kennin.platform.JapanTime.today(clock))));
		}
		addLists(model, staff);
		return VIEW;
	}

	@PostMapping("/admin/eligibility")
	String add(Authentication auth, @ModelAttribute("parametersForm") RuleParametersForm form, BindingResult result,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		RuleParameters parameters = parse(form, result);
		if (parameters == null) {
			addLists(model, staff);
			return VIEW;
		}
		eligibility.setParameters(staff.tenantId(), parameters);
		audit.record(new AuditLog.Event("ELIGIBILITY_PARAMETERS_SET", staff.tenantId(), "STAFF", auth.getName(),
				"TENANT_ADMIN", "eligibility:" + parameters.validFrom(), request.getRemoteAddr(),
				Map.of("parameters", parameters.toString())));
		redirect.addFlashAttribute("flash", "survey.eligibility.flash.saved");
		return "redirect:/admin/eligibility";
	}

	@PostMapping("/admin/eligibility/remove")
	String remove(Authentication auth, @RequestParam String validFrom, HttpServletRequest request,
			RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		LocalDate date = LocalDate.parse(validFrom);
		if (eligibility.removeParameters(staff.tenantId(), date)) {
			audit.record(new AuditLog.Event("ELIGIBILITY_PARAMETERS_REMOVED", staff.tenantId(), "STAFF", auth.getName(),
					"TENANT_ADMIN", "eligibility:" + date, request.getRemoteAddr(), Map.of()));
			redirect.addFlashAttribute("flash", "survey.eligibility.flash.removed");
		}
		return "redirect:/admin/eligibility";
	}

	private void addLists(Model model, StaffTenant staff) {
		model.addAttribute("defaults", RuleParameters.DEFAULTS);
		model.addAttribute("own", eligibility.tenantParameters(staff.tenantId()));
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
		LocalDate contractFrom = CampaignFormParser.date(f.getLabourContractFrom(), "labourContractFrom", false, errors);
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
