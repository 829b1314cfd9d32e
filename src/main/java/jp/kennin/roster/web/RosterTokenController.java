package jp.kennin.roster.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.internal.ApiTokens;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens of the insurer's core system (TENANT_ADMIN): create (shown once) and revoke. */
@Controller
class RosterTokenController {

	static final String VIEW_TOKENS = "roster/tokens";

	private final ApiTokens tokens;

	private final AuditLog audit;

	RosterTokenController(ApiTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping("/admin/roster/tokens")
	String list(Authentication auth, Model model) {
		model.addAttribute("tokens", tokens.list(StaffActor.of(auth).tenantId()));
		return VIEW_TOKENS;
	}

	@PostMapping("/admin/roster/tokens")
	String create(@RequestParam(defaultValue = "") String name, Authentication auth, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			model.addAttribute("nameError", true);
			model.addAttribute("name", name);
			return list(auth, model);
		}
		var created = tokens.create(actor.tenantId(), trimmed, actor.loginId());
		audit.record(new AuditLog.Event("ROSTER_API_TOKEN_CREATED", actor.tenantId(), "STAFF", actor.loginId(),
				actor.role(), "roster_api_token:" + created.id(), request.getRemoteAddr(), Map.of("name", trimmed)));
		redirect.addFlashAttribute("newToken", created.token());
		return "redirect:/admin/roster/tokens";
	}

	@PostMapping("/admin/roster/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Authentication auth, HttpServletRequest request) {
		StaffActor actor = StaffActor.of(auth);
		if (tokens.list(actor.tenantId()).stream().noneMatch(t -> t.id() == id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (tokens.revoke(actor.tenantId(), id)) {
			audit.record(new AuditLog.Event("ROSTER_API_TOKEN_REVOKED", actor.tenantId(), "STAFF", actor.loginId(),
					actor.role(), "roster_api_token:" + id, request.getRemoteAddr(), Map.of()));
		}
		return "redirect:/admin/roster/tokens";
	}

}
