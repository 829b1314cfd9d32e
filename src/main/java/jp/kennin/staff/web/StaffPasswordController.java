package jp.kennin.staff.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.internal.StaffDirectory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member changes their own password (12–128 characters; staff always have TOTP as well). */
@Controller
class StaffPasswordController {

	static final String VIEW_PASSWORD = "staff/password";

	private final StaffAccounts accounts;

	private final StaffDirectory directory;

	private final AuditLog audit;

	StaffPasswordController(StaffAccounts accounts, StaffDirectory directory, AuditLog audit) {
		this.accounts = accounts;
		this.directory = directory;
		this.audit = audit;
	}

	@GetMapping("/admin/account/password")
	String initPasswordForm() {
		return VIEW_PASSWORD;
	}

	@PostMapping("/admin/account/password")
	String processPasswordForm(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Authentication auth, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		long id = accounts.findByLoginId(actor.loginId()).orElseThrow().id();
		if (!directory.passwordMatches(id, currentPassword)) {
			model.addAttribute("currentError", "staff.password.currentWrong");
		}
		if (newPassword.length() < 12 || newPassword.length() > 128) {
			model.addAttribute("newError", "staff.password.length");
		}
		else if (newPassword.toLowerCase().contains(actor.loginId().toLowerCase())) {
			model.addAttribute("newError", "staff.password.containsId");
		}
		if (model.containsAttribute("currentError") || model.containsAttribute("newError")) {
			return VIEW_PASSWORD;
		}
		directory.changePassword(id, newPassword);
		audit.record(new AuditLog.Event("STAFF_PASSWORD_CHANGED", actor.tenantId(), "STAFF", actor.loginId(), actor.role(),
				"staff:" + id, request.getRemoteAddr(), Map.of()));
		redirect.addFlashAttribute("changed", true);
		return "redirect:/admin/account/password";
	}

}
