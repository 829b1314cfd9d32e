package jp.kennin.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.staff.internal.OwnPassword;
import jp.kennin.staff.internal.OwnPassword.Result;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member changes their own password; the rules are {@link OwnPassword}'s. */
@Controller
class StaffPasswordController {

	static final String VIEW_PASSWORD = "staff/password";

	private final OwnPassword ownPassword;

	StaffPasswordController(OwnPassword ownPassword) {
		this.ownPassword = ownPassword;
	}

	@GetMapping("/admin/account/password")
	String initPasswordForm() {
		return VIEW_PASSWORD;
	}

	@PostMapping("/admin/account/password")
	String processPasswordForm(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Authentication auth, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Result result = ownPassword.change(auth, currentPassword, newPassword, request, response);
		return switch (result.outcome()) {
			case CHANGED -> {
				redirect.addFlashAttribute("changed", true);
				yield "redirect:/admin/account/password";
			}
			case LOCKED_OUT -> "redirect:/admin/login?locked";
			case INVALID -> {
				model.addAttribute("currentError", result.currentError());
				model.addAttribute("newError", result.newError());
				yield VIEW_PASSWORD;
			}
		};
	}

}
