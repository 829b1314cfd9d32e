package jp.kennin.account.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.AccountFacts;
import jp.kennin.account.internal.EmailCodes;
import jp.kennin.account.internal.InputNormalizer;
import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.account.internal.MyPageService;
import jp.kennin.account.internal.PasswordPolicy;
import jp.kennin.account.internal.Secrets;
import jp.kennin.platform.JapanTime;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * マイページ: registration details, email change (code to the new address) and password change.
 */
@Controller
class MyPageController {

	static final String VIEW_MYPAGE = "account/mypage";

	static final String VIEW_EMAIL = "account/mypageEmail";

	static final String VIEW_EMAIL_CODE = "account/mypageEmailCode";

	static final String VIEW_PASSWORD = "account/mypagePassword";

	static final String EMAIL_FLOW = "kennin.member.emailFlow";

	private final MyPageService myPage;

	private final AccountFacts facts;

	MyPageController(MyPageService myPage, AccountFacts facts) {
		this.myPage = myPage;
		this.facts = facts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/mypage")
	String show(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		MemberAccount account = myPage.account(member);
		model.addAttribute("account", account);
		model.addAttribute("person", myPage.person(member));
		model.addAttribute("registeredAt", JapanTime.formatDateTime(account.createdAt()));
		return VIEW_MYPAGE;
	}

	@GetMapping("/mypage/email")
	String initEmailForm(Model model) {
		model.addAttribute("emailChangeForm", new Forms.EmailChangeForm());
		return VIEW_EMAIL;
	}

	@PostMapping("/mypage/email")
	String processEmailForm(@AuthenticationPrincipal MemberPrincipal member,
			@ModelAttribute("emailChangeForm") Forms.EmailChangeForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, RedirectAttributes redirect) {
		FormChecks.email(form.getEmail(), form.getEmailConfirm(), errors);
		if (errors.hasErrors()) {
			return VIEW_EMAIL;
		}
		String flow = Secrets.token();
		EmailCodes.Issue issue = myPage.requestEmailChange(member, InputNormalizer.email(form.getEmail()), flow,
				request.getRemoteAddr());
		if (issue.status() != EmailCodes.IssueStatus.SENT) {
			errors.reject(issue.status() == EmailCodes.IssueStatus.COOLDOWN ? "account.code.cooldown" : "account.code.limit",
					new Object[] { issue.waitSeconds() }, null);
			return VIEW_EMAIL;
		}
		session.setAttribute(EMAIL_FLOW, flow);
		return "redirect:/mypage/email/code";
	}

	@GetMapping("/mypage/email/code")
	String initEmailCodeForm(@AuthenticationPrincipal MemberPrincipal member, HttpSession session, Model model) {
		Optional<String> sentTo = pendingEmail(member, session);
		if (sentTo.isEmpty()) {
			return "redirect:/mypage/email";
		}
		model.addAttribute("codeForm", new Forms.CodeForm());
		model.addAttribute("sentTo", sentTo.get());
		model.addAttribute("sender", myPage.tenant(member).mailFromAddress());
		return VIEW_EMAIL_CODE;
	}

	@PostMapping("/mypage/email/code")
	String processEmailCodeForm(@AuthenticationPrincipal MemberPrincipal member,
			@ModelAttribute("codeForm") Forms.CodeForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Optional<String> sentTo = pendingEmail(member, session);
		if (sentTo.isEmpty()) {
			return "redirect:/mypage/email";
		}
		String code = FormChecks.code(form.getCode(), errors);
		if (!errors.hasErrors()) {
			EmailCodes.Check check = myPage.confirmEmailChange(member, (String) session.getAttribute(EMAIL_FLOW), code,
					request.getRemoteAddr());
			if (check.outcome() == EmailCodes.Outcome.ACCEPTED) {
				session.removeAttribute(EMAIL_FLOW);
				redirect.addFlashAttribute("changed", "email");
				return "redirect:/mypage";
			}
			CodeMessages.reject(check, errors);
		}
		model.addAttribute("sentTo", sentTo.get());
		model.addAttribute("sender", myPage.tenant(member).mailFromAddress());
		return VIEW_EMAIL_CODE;
	}

	@PostMapping("/mypage/email/code/resend")
	String resendEmailCode(@AuthenticationPrincipal MemberPrincipal member, HttpSession session,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (pendingEmail(member, session).isEmpty()) {
			return "redirect:/mypage/email";
		}
		CodeMessages.flash(
				myPage.resendEmailChange(member, (String) session.getAttribute(EMAIL_FLOW), request.getRemoteAddr()),
				redirect);
		return "redirect:/mypage/email/code";
	}

	private Optional<String> pendingEmail(MemberPrincipal member, HttpSession session) {
		return session.getAttribute(EMAIL_FLOW) instanceof String flow
				? myPage.pendingEmail(member, flow) : Optional.empty();
	}

	@GetMapping("/mypage/password")
	String initPasswordForm(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("newPasswordForm", new Forms.NewPasswordForm());
		return showPassword(member, model);
	}

	@PostMapping("/mypage/password")
	String processPasswordForm(@AuthenticationPrincipal MemberPrincipal member,
			@ModelAttribute("newPasswordForm") Forms.NewPasswordForm form, BindingResult errors, HttpSession session,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		AccountFacts.Facts f = facts.of(myPage.account(member));
		if (form.getCurrentPassword().isEmpty()) {
			errors.rejectValue("currentPassword", "account.mypage.password.currentRequired");
		}
		FormChecks.password(form.getPassword(), f.tenant().passwordPolicy(), f.context(), errors);
		if (!errors.hasErrors()) {
			List<String> problems = myPage.changePassword(member, form.getCurrentPassword(), form.getPassword(),
					session.getId(), request.getRemoteAddr());
			if (problems.isEmpty()) {
				redirect.addFlashAttribute("changed", "password");
				return "redirect:/mypage";
			}
			problems.forEach(p -> errors.rejectValue("currentPassword", p));
		}
		form.setPassword("");
		form.setCurrentPassword("");
		return showPassword(member, model);
	}

	private String showPassword(MemberPrincipal member, Model model) {
		var policy = myPage.tenant(member).passwordPolicy();
		model.addAttribute("minLength", PasswordPolicy.minLength(policy));
		model.addAttribute("maxLength", PasswordPolicy.maxLength(policy));
		model.addAttribute("policy", policy.name());
		return VIEW_PASSWORD;
	}

}
