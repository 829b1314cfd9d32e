package jp.kennin.staff.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kennin.staff.internal.SecondFactor;
import jp.kennin.staff.internal.SecondFactor.Outcome;
import jp.kennin.staff.internal.SecondFactor.Result;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second login step: the authenticator code, or at the first login the enrolment of
 * an authenticator app, followed by the recovery codes (shown once).
 */
@Controller
class SecondFactorController {

	static final String VIEW_TOTP = "staff/totp";

	static final String VIEW_ENROL = "staff/enrol";

	static final String VIEW_RECOVERY_CODES = "staff/recoveryCodes";

	static final String ENROL_SECRET = "kennin.staff.enrolSecret";

	private final SecondFactor secondFactor;

	SecondFactorController(SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
	}

	@GetMapping("/admin/login/totp")
	String initTotpForm(Authentication auth) {
		return secondFactor.needsEnrolment(auth) ? "redirect:/admin/login/enrol" : VIEW_TOTP;
	}

	@PostMapping("/admin/login/totp")
	String processTotpForm(Authentication auth, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Result result = secondFactor.verify(auth, code, request, response);
		return switch (result.outcome()) {
			case OK -> "redirect:/admin";
			case WRONG_CODE -> {
				model.addAttribute("codeError", true);
				yield VIEW_TOTP;
			}
			case START_AGAIN -> startAgain(request, response);
		};
	}

	@GetMapping("/admin/login/enrol")
	String initEnrolForm(Authentication auth, HttpSession session, Model model) {
		if (!secondFactor.needsEnrolment(auth)) {
			return "redirect:/admin/login/totp";
		}
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (secret == null) {
			secret = secondFactor.newSecret();
			session.setAttribute(ENROL_SECRET, secret);
		}
		model.addAttribute("qrCode", secondFactor.qrCode(auth, secret));
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("loginId", secondFactor.loginId(auth));
		return VIEW_ENROL;
	}

	@PostMapping("/admin/login/enrol")
	String processEnrolForm(Authentication auth, @RequestParam(defaultValue = "") String code, HttpSession session,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		String secret = (String) session.getAttribute(ENROL_SECRET);
		Result result = secondFactor.enrol(auth, secret, code, request, response);
		if (result.outcome() == Outcome.OK) {
			request.getSession().removeAttribute(ENROL_SECRET);
			redirect.addFlashAttribute("recoveryCodes", result.recoveryCodes());
			return "redirect:/admin/login/recovery-codes";
		}
		if (result.outcome() == Outcome.START_AGAIN) {
			return startAgain(request, response);
		}
		model.addAttribute("codeError", true);
		return initEnrolForm(auth, session, model);
	}

	@GetMapping("/admin/login/recovery-codes")
	String recoveryCodes(Model model) {
		Object codes = model.getAttribute("recoveryCodes");
		return codes instanceof List<?> list && !list.isEmpty() ? VIEW_RECOVERY_CODES : "redirect:/admin";
	}

	private String startAgain(HttpServletRequest request, HttpServletResponse response) {
		secondFactor.abandon(request, response);
		return "redirect:/admin/login?error";
	}

}
