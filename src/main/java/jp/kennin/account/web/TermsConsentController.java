package jp.kennin.account.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.account.internal.AccountAudit;
import jp.kennin.account.internal.AccountRepository;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.account.internal.TermsConsents;
import jp.kennin.account.internal.TermsGate;
import jp.kennin.terms.TermsOfUse;
import jp.kennin.terms.TermsVersion;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 利用規約への同意: at first login and after each new version. Consent is stored with version and
 * time.
 */
@Controller
class TermsConsentController {

	static final String VIEW_CONSENT = "account/termsConsent";

	private final TermsOfUse terms;

	private final TermsConsents consents;

	private final AccountRepository accounts;

	private final AccountAudit audit;

	TermsConsentController(TermsOfUse terms, TermsConsents consents, AccountRepository accounts, AccountAudit audit) {
		this.terms = terms;
		this.consents = consents;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/terms/consent")
	String initConsentForm(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("terms", terms.current());
		model.addAttribute("renewed", consents.acceptedVersion(member.tenantId(), member.accountId()) > 0);
		return VIEW_CONSENT;
	}

	@PostMapping("/terms/consent")
	@Transactional
	String processConsentForm(@AuthenticationPrincipal MemberPrincipal member,
			@RequestParam(name = "agree", required = false) String agree, @RequestParam("version") int version,
			HttpServletRequest request, HttpSession session, Model model) {
		TermsVersion current = terms.current();
		if (!"true".equals(agree) || version != current.version()) {
			model.addAttribute("terms", current);
			model.addAttribute("renewed", consents.acceptedVersion(member.tenantId(), member.accountId()) > 0);
			model.addAttribute("agreeError", true);
			return VIEW_CONSENT;
		}
		consents.accept(member.tenantId(), member.accountId(), version);
		accounts.findById(member.tenantId(), member.accountId())
			.ifPresent(a -> audit.member(AccountAuditEvent.TERMS_ACCEPTED, a, request.getRemoteAddr(),
					Map.of("version", String.valueOf(version))));
		session.setAttribute(TermsGate.ACCEPTED, version);
		Object next = session.getAttribute(TermsGate.AFTER_CONSENT);
		session.removeAttribute(TermsGate.AFTER_CONSENT);
		return "redirect:" + (next instanceof String s && s.startsWith("/") && !s.startsWith("//") ? s : "/home");
	}

}
