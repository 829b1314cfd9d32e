package jp.kennin.account.web;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.SignupService;
import jp.kennin.tenant.TenantCode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up step 1 (roster match). Steps 2 and 3 are in {@link SignupAccountController}.
 */
@Controller
class SignupController {

	static final String VIEW_SIGNUP = "account/signup";

	static final String VIEW_REGISTERED = "account/signupRegistered";

	static final String SESSION_KEY = "kennin.signup";

	private final SignupService signup;

	SignupController(SignupService signup) {
		this.signup = signup;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/signup")
	String initSignupForm(@RequestParam(name = "code", required = false) String code, HttpSession session,
			Model model) {
		Forms.SignupForm form = new Forms.SignupForm();
		// Back from step 2 (「戻る」): show what this browser matched, so nothing has to be
		// typed again.
		match(session).ifPresent(m -> signup.person(m).ifPresent(p -> {
			form.setTenantCode(signup.tenant(m).code());
			form.setKigo(p.kigo());
			form.setBango(p.bango());
			form.setBirthYear(String.valueOf(p.birthDate().getYear()));
			form.setBirthMonth(String.valueOf(p.birthDate().getMonthValue()));
			form.setBirthDay(String.valueOf(p.birthDate().getDayOfMonth()));
			form.setKanaName(p.nameKana());
			model.addAttribute("headerTenant", signup.tenant(m));
		}));
		TenantCode.parse(code).ifPresent(form::setTenantCode);
		// The header names the insurer as soon as it is known (the advice ran before this
		// handler).
		signup.tenantByCode(code).ifPresent(t -> model.addAttribute("headerTenant", t));
		model.addAttribute("signupForm", form);
		return VIEW_SIGNUP;
	}

	@PostMapping("/signup")
	String processSignupForm(@ModelAttribute("signupForm") Forms.SignupForm form, BindingResult errors,
			HttpServletRequest request, HttpSession session, Model model) {
		FormChecks.roster(form, errors);
		FormChecks.kana(form, errors);
		signup.tenantByCode(form.getTenantCode()).ifPresent(t -> model.addAttribute("headerTenant", t));
		if (errors.hasErrors()) {
			return VIEW_SIGNUP;
		}
		LocalDate birth = FormChecks.birthDate(form, errors);
		SignupService.MatchOutcome outcome = signup.match(new SignupService.Typed(form.getTenantCode(), form.getKigo(),
				form.getBango(), birth, form.getKanaName()), request.getRemoteAddr());
		switch (outcome.result()) {
			case THROTTLED -> errors.reject("account.signup.throttled");
			case NO_MATCH -> errors.reject("account.signup.noMatch");
			case ALREADY_REGISTERED -> {
				return "redirect:/signup/registered";
			}
			case MATCHED -> {
				session.setAttribute(SESSION_KEY, outcome.match());
				return "redirect:/signup/account";
			}
		}
		return VIEW_SIGNUP;
	}

	@GetMapping("/signup/registered")
	String registered() {
		return VIEW_REGISTERED;
	}

	static Optional<SignupService.Match> match(HttpSession session) {
		return session.getAttribute(SESSION_KEY) instanceof SignupService.Match m ? Optional.of(m) : Optional.empty();
	}

}
