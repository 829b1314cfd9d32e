package jp.kennin.account.web;

import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.LoginHandlers;
import jp.kennin.account.internal.MemberPrincipal;
import jp.kennin.notice.Notices;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The member login page. Spring Security processes the POST (see MemberSecurityConfiguration).
 */
@Controller
class LoginController {

	static final String VIEW_LOGIN = "account/login";

	private final Notices notices;

	LoginController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal Object principal, HttpSession session, Model model) {
		if (principal instanceof MemberPrincipal) {
			return "redirect:/home";
		}
		Object lastUserId = session.getAttribute(LoginHandlers.LAST_USER_ID);
		model.addAttribute("userId", lastUserId instanceof String s ? s : "");
		model.addAttribute("siteNotices", notices.publishedSiteNotices());
		return VIEW_LOGIN;
	}

}
