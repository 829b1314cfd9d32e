package jp.kennin.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.AccountFacts;
import jp.kennin.account.internal.EmailCodes;
import jp.kennin.account.internal.InputNormalizer;
import jp.kennin.account.internal.MemberAccount;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.account.internal.MyPageService;
import jp.kennin.account.internal.PasswordAttempts;
import jp.kennin.account.internal.PasswordPolicy;
import jp.kennin.account.internal.Secrets;

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
 * マイページ: registration details, email change (current password, then a code to the new
 * address) and password change (current password).
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
		model.addAttribute("registeredAt", account.createdAt());
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
			HttpServletRequest request) {
		FormChecks.email(form.getEmail(), form.getEmailConfirm(), errors);
		CurrentPasswordMessages.required(form.getCurrentPassword(), errors);
		if (!errors.hasErrors()) {
			String flow = Secrets.token();
			MyPageService.EmailChange change = myPage.requestEmailChange(member, form.getCurrentPassword(),
					InputNormalizer.email(form.getEmail()), flow, request.getRemoteAddr());
			String locked = CurrentPasswordMessages.reject(change.verdict(), errors, session);
			if (locked != null) {
				return locked;
			}
			if (change.issue() != null) {
				if (change.issue().status() == EmailCodes.IssueStatus.SENT) {
					session.setAttribute(EMAIL_FLOW, flow);
					return "redirect:/mypage/email/code";
				}
				errors.reject(change.issue().status() == EmailCodes.IssueStatus.COOLDOWN ? "account.code.cooldown"
						: "account.code.limit", new Object[] { change.issue().waitSeconds() }, null);
			}
		}
		form.setCurrentPassword("");
		return VIEW_EMAIL;
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
		model.addAttribute("codeMail", myPage.codeMailState(member).name());
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
		model.addAttribute("codeMail", myPage.codeMailState(member).name());
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
		return session.getAttribute(EMAIL_FLOW) instanceof String flow ? myPage.pendingEmail(member, flow)
				: Optional.empty();
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
		CurrentPasswordMessages.required(form.getCurrentPassword(), errors);
		FormChecks.password(form.getPassword(), f.tenant().passwordPolicy(), f.context(), errors);
		if (!errors.hasErrors()) {
			PasswordAttempts.Verdict verdict = myPage.changePassword(member, form.getCurrentPassword(),
					form.getPassword(), session.getId(), request.getRemoteAddr());
			if (verdict.outcome() == PasswordAttempts.Outcome.CORRECT) {
				redirect.addFlashAttribute("changed", "password");
				return "redirect:/mypage";
			}
			String locked = CurrentPasswordMessages.reject(verdict, errors, session);
			if (locked != null) {
				return locked;
			}
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
