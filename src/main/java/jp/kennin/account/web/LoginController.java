package jp.kennin.account.web;

import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.LoginHandlers;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.notice.Notices;
import jp.kennin.tenant.Tenants;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member login page. Spring Security processes the POST (see
 * MemberSecurityConfiguration).
 */
@Controller
class LoginController {

	static final String VIEW_LOGIN = "account/login";

	private final Notices notices;

	private final Tenants tenants;

	LoginController(Notices notices, Tenants tenants) {
		this.notices = notices;
		this.tenants = tenants;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal Object principal, HttpSession session, Model model) {
		if (principal instanceof MemberPrincipal) {
			return "redirect:/home";
		}
		Object lastUserId = session.getAttribute(LoginHandlers.LAST_USER_ID);
		model.addAttribute("userId", lastUserId instanceof String s ? s : "");
		// Only a browser that gave the right password (or held the session) learns which
		// insurer to ask.
		if (session.getAttribute(LoginHandlers.INACTIVE_TENANT) instanceof Long tenantId) {
			tenants.findById(tenantId).ifPresent(t -> model.addAttribute("inactiveTenant", t));
		}
		model.addAttribute("siteNotices", notices.publishedSiteNotices());
		return VIEW_LOGIN;
	}

}
