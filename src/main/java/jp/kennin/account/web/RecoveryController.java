package jp.kennin.account.web;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.account.internal.AccountFacts;
import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.PasswordPolicy;
import jp.kennin.account.internal.RecoveryService;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantCode;
import jp.kennin.tenant.Tenants;

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
 * パスワードを忘れた方 / ユーザーIDを忘れた方. The answer on screen never depends on whether an account
 * exists; what to do next arrives by mail.
 */
@Controller
class RecoveryController {

	static final String VIEW_FORGOT_PASSWORD = "account/forgotPassword";

	static final String VIEW_FORGOT_USER_ID = "account/forgotUserId";

	static final String VIEW_REQUESTED = "account/recoveryRequested";

	static final String VIEW_RESET = "account/resetPassword";

	static final String VIEW_RESET_INVALID = "account/resetInvalid";

	private final RecoveryService recovery;

	private final AccountFacts lookups;

	private final Tenants tenants;

	RecoveryController(RecoveryService recovery, AccountFacts lookups, Tenants tenants) {
		this.recovery = recovery;
		this.lookups = lookups;
		this.tenants = tenants;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/forgot-password")
	String initForgotPasswordForm(Model model) {
		model.addAttribute("forgotPasswordForm", new Forms.ForgotPasswordForm());
		return VIEW_FORGOT_PASSWORD;
	}

	@PostMapping("/forgot-password")
	String processForgotPasswordForm(@ModelAttribute("forgotPasswordForm") Forms.ForgotPasswordForm form,
			BindingResult errors, HttpServletRequest request, Model model) {
		if (form.getUserId().isBlank()) {
			errors.rejectValue("userId", "account.userId.required");
		}
		if (form.getEmail().isBlank()) {
			errors.rejectValue("email", "account.email.required");
		}
		if (errors.hasErrors()) {
			return VIEW_FORGOT_PASSWORD;
		}
		if (!recovery.requestPasswordReset(form.getUserId(), form.getEmail(), request.getRemoteAddr())) {
			errors.reject("account.recovery.throttled");
			return VIEW_FORGOT_PASSWORD;
		}
		model.addAttribute("kind", "password");
		return VIEW_REQUESTED;
	}

	@GetMapping("/forgot-user-id")
	String initForgotUserIdForm(@RequestParam(name = "code", required = false) String code, Model model) {
		Forms.ForgotUserIdForm form = new Forms.ForgotUserIdForm();
		TenantCode.parse(code).ifPresent(form::setTenantCode);
		showTenant(code, model);
		model.addAttribute("forgotUserIdForm", form);
		return VIEW_FORGOT_USER_ID;
	}

	@PostMapping("/forgot-user-id")
	String processForgotUserIdForm(@ModelAttribute("forgotUserIdForm") Forms.ForgotUserIdForm form,
			BindingResult errors, HttpServletRequest request, Model model) {
		FormChecks.roster(form, errors);
		// The insurer's code is no secret: naming it lets the page show its own 記号・番号
		// wording and its desk,
		// and says nothing about whether the member has an account.
		showTenant(form.getTenantCode(), model);
		if (errors.hasErrors()) {
			return VIEW_FORGOT_USER_ID;
		}
		LocalDate birth = FormChecks.birthDate(form, errors);
		if (!recovery.remindUserId(form.getTenantCode(), form.getKigo(), form.getBango(), birth,
				request.getRemoteAddr())) {
			errors.reject("account.recovery.throttled");
			return VIEW_FORGOT_USER_ID;
		}
		model.addAttribute("kind", "userId");
		return VIEW_REQUESTED;
	}

	@GetMapping("/reset-password")
	String initResetForm(@RequestParam(name = "token", required = false) String token, Model model) {
		Optional<MemberAccount> account = recovery.accountForToken(token);
		if (account.isEmpty()) {
			return VIEW_RESET_INVALID;
		}
		Forms.NewPasswordForm form = new Forms.NewPasswordForm();
		form.setToken(token);
		model.addAttribute("newPasswordForm", form);
		return showReset(account.get(), model);
	}

	@PostMapping("/reset-password")
	String processResetForm(@ModelAttribute("newPasswordForm") Forms.NewPasswordForm form, BindingResult errors,
			HttpServletRequest request, Model model) {
		Optional<MemberAccount> account = recovery.accountForToken(form.getToken());
		if (account.isEmpty()) {
			return VIEW_RESET_INVALID;
		}
		AccountFacts.Facts facts = lookups.of(account.get());
		FormChecks.password(form.getPassword(), facts.tenant().passwordPolicy(), facts.context(), errors);
		if (!errors.hasErrors()
				&& recovery.resetPassword(form.getToken(), form.getPassword(), request.getRemoteAddr())) {
			return "redirect:/login?reset";
		}
		form.setPassword("");
		return errors.hasErrors() ? showReset(account.get(), model) : VIEW_RESET_INVALID;
	}

	private void showTenant(String typedCode, Model model) {
		TenantCode.parse(typedCode).flatMap(tenants::findByCode).ifPresent(t -> model.addAttribute("headerTenant", t));
	}

	private String showReset(MemberAccount account, Model model) {
		Tenant tenant = lookups.of(account).tenant();
		model.addAttribute("minLength", PasswordPolicy.minLength(tenant.passwordPolicy()));
		model.addAttribute("maxLength", PasswordPolicy.maxLength(tenant.passwordPolicy()));
		model.addAttribute("policy", tenant.passwordPolicy().name());
		return VIEW_RESET;
	}

}
