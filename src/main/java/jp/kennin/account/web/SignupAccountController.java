package jp.kennin.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.EmailCodes;
import jp.kennin.account.internal.InputNormalizer;
import jp.kennin.account.internal.LoginHandlers;
import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.PasswordPolicy;
import jp.kennin.account.internal.SignupService;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up step 2 (user ID and password) and step 3 (the mailed code). Both need the match
 * of step 1 in the session; without it they go back to step 1.
 */
@Controller
class SignupAccountController {

	static final String VIEW_ACCOUNT = "account/signupAccount";

	static final String VIEW_CODE = "account/signupCode";

	static final String VIEW_EMAIL = "account/signupEmail";

	static final String VIEW_DONE = "account/signupDone";

	/** Session attribute: the user ID of the sign-up this browser just completed. */
	static final String SIGNED_UP_USER_ID = "kennin.signup.userId";

	private final SignupService signup;

	SignupAccountController(SignupService signup) {
		this.signup = signup;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/signup/account")
	String initAccountForm(HttpSession session, HttpServletRequest request, Model model) {
		Optional<SignupService.Match> match = SignupController.match(session);
		if (match.isEmpty() || signup.person(match.get()).isEmpty()) {
			return "redirect:/signup";
		}
		model.addAttribute("accountForm", new Forms.AccountForm());
		return showAccount(match.get(), model);
	}

	@PostMapping("/signup/account")
	String processAccountForm(@ModelAttribute("accountForm") Forms.AccountForm form, BindingResult errors,
			HttpSession session, HttpServletRequest request, Model model) {
		Optional<SignupService.Match> found = SignupController.match(session);
		Optional<RosterPerson> person = found.flatMap(signup::person);
		if (person.isEmpty()) {
			return "redirect:/signup";
		}
		SignupService.Match match = found.get();
		Tenant tenant = signup.tenant(match);
		// Checked and shown again as it will be stored: half-width, without spaces.
		form.setUserId(InputNormalizer.userId(form.getUserId()));
		FormChecks.userId(form.getUserId(), errors);
		String email = person.get().email();
		if (email == null || email.isBlank()) {
			FormChecks.email(form.getEmail(), form.getEmailConfirm(), errors);
			email = InputNormalizer.email(form.getEmail());
		}
		FormChecks.password(form.getPassword(), tenant.passwordPolicy(),
				new PasswordPolicy.Context(form.getUserId(), person.get().birthDate(), tenant.code()), errors);
		if (!errors.hasErrors()) {
			SignupService.Pending pending;
			try {
				pending = signup.createPending(match, session.getId(), form.getUserId(), form.getPassword(), email,
						request.getRemoteAddr());
			}
			catch (DuplicateKeyException ex) {
				// Someone took the same user ID in the same instant; the unique index
				// decided.
				pending = new SignupService.Pending(SignupService.Pending.Status.TAKEN, null, null);
			}
			switch (pending.status()) {
				case CREATED -> {
					session.setAttribute(SignupController.SESSION_KEY, match.withAccount(pending.accountId()));
					return "redirect:/signup/code";
				}
				case TAKEN -> errors.rejectValue("userId", "account.userId.taken");
				case USER_ID_THROTTLED -> errors.reject("account.userId.throttled",
						new Object[] { RetryTimes.format(pending.retryAt()) }, null);
				case CAPPED_HOUR, CAPPED_DAY -> {
					errors.reject(
							pending.status() == SignupService.Pending.Status.CAPPED_DAY ? "account.code.cappedDay"
									: "account.code.cappedHour",
							new Object[] { RetryTimes.format(pending.retryAt()) }, null);
					model.addAttribute("supportTenant", tenant);
				}
			}
		}
		form.setPassword("");
		return showAccount(match, model);
	}

	private String showAccount(SignupService.Match match, Model model) {
		Tenant tenant = signup.tenant(match);
		model.addAttribute("headerTenant", tenant);
		model.addAttribute("person", signup.person(match).orElseThrow());
		model.addAttribute("policy", tenant.passwordPolicy().name());
		model.addAttribute("minLength", PasswordPolicy.minLength(tenant.passwordPolicy()));
		model.addAttribute("maxLength", PasswordPolicy.maxLength(tenant.passwordPolicy()));
		return VIEW_ACCOUNT;
	}

	@GetMapping("/signup/code")
	String initCodeForm(HttpSession session, HttpServletRequest request, Model model) {
		Optional<SignupService.Match> match = SignupController.match(session);
		Optional<MemberAccount> account = match.flatMap(signup::pendingAccount);
		if (account.isEmpty()) {
			return "redirect:/signup";
		}
		model.addAttribute("codeForm", new Forms.CodeForm());
		return showCode(match.get(), account.get(), model);
	}

	@PostMapping("/signup/code")
	String processCodeForm(@ModelAttribute("codeForm") Forms.CodeForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, Model model) {
		Optional<SignupService.Match> match = SignupController.match(session);
		Optional<MemberAccount> account = match.flatMap(signup::pendingAccount);
		if (account.isEmpty()) {
			return "redirect:/signup?expired";
		}
		String code = FormChecks.code(form.getCode(), errors);
		if (!errors.hasErrors()) {
			EmailCodes.Check check = signup.confirm(match.get(), code, request.getRemoteAddr());
			if (check.outcome() == EmailCodes.Outcome.ACCEPTED) {
				session.removeAttribute(SignupController.SESSION_KEY);
				// Shown on the done page, and filled in on the login form it links to.
				session.setAttribute(SIGNED_UP_USER_ID, account.get().userId());
				session.setAttribute(LoginHandlers.LAST_USER_ID, account.get().userId());
				return "redirect:/signup/done";
			}
			CodeMessages.reject(check, errors);
		}
		return showCode(match.get(), account.get(), model);
	}

	@PostMapping("/signup/code/resend")
	String resendCode(HttpSession session, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<SignupService.Match> match = SignupController.match(session);
		if (match.flatMap(signup::pendingAccount).isEmpty()) {
			return "redirect:/signup";
		}
		CodeMessages.flash(signup.resend(match.get(), request.getRemoteAddr()), redirect);
		return "redirect:/signup/code";
	}

	@GetMapping("/signup/code/email")
	String initEmailForm(HttpSession session, Model model) {
		Optional<SignupService.Match> match = SignupController.match(session);
		if (match.flatMap(signup::pendingAccount).isEmpty() || !signup.emailTypedByMember(match.get())) {
			return "redirect:/signup/code";
		}
		model.addAttribute("emailForm", new Forms.EmailCorrectionForm());
		return showEmail(match.get(), model);
	}

	@PostMapping("/signup/code/email")
	String processEmailForm(@ModelAttribute("emailForm") Forms.EmailCorrectionForm form, BindingResult errors,
			HttpSession session, HttpServletRequest request, RedirectAttributes redirect, Model model) {
		Optional<SignupService.Match> match = SignupController.match(session);
		if (match.flatMap(signup::pendingAccount).isEmpty()) {
			return "redirect:/signup?expired";
		}
		if (!signup.emailTypedByMember(match.get())) {
			return "redirect:/signup/code";
		}
		FormChecks.email(form.getEmail(), form.getEmailConfirm(), errors);
		if (errors.hasErrors()) {
			return showEmail(match.get(), model);
		}
		EmailCodes.Issue issue = signup.correctEmail(match.get(), form.getEmail(), request.getRemoteAddr());
		CodeMessages.flash(issue, redirect);
		if (issue.status() == EmailCodes.IssueStatus.SENT) {
			redirect.addFlashAttribute("codeStatus", "emailCorrected");
		}
		return "redirect:/signup/code";
	}

	private String showEmail(SignupService.Match match, Model model) {
		model.addAttribute("headerTenant", signup.tenant(match));
		model.addAttribute("sentTo", signup.pendingAccount(match).orElseThrow().email());
		return VIEW_EMAIL;
	}

	private String showCode(SignupService.Match match, MemberAccount account, Model model) {
		Tenant tenant = signup.tenant(match);
		model.addAttribute("headerTenant", tenant);
		model.addAttribute("emailCorrectable", signup.emailTypedByMember(match));
		model.addAttribute("sentTo", account.email());
		model.addAttribute("sender", tenant.mailFromAddress());
		model.addAttribute("supportTenant", tenant);
		model.addAttribute("codeMail", signup.codeMailState(match).name());
		return VIEW_CODE;
	}

	@GetMapping("/signup/done")
	String done(HttpSession session, Model model) {
		if (session.getAttribute(SIGNED_UP_USER_ID) instanceof String userId) {
			model.addAttribute("userId", userId);
		}
		return VIEW_DONE;
	}

}
