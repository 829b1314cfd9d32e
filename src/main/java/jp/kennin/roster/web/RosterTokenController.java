package jp.kennin.roster.web;

import java.util.List;
import java.util.Set;

import jp.kennin.platform.ApiPrincipal;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.internal.RosterTokens;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens of the insurer's core system: create (shown once) and revoke; rules in
 * {@link RosterTokens}.
 */
@Controller
class RosterTokenController {

	static final String VIEW_TOKENS = "roster/tokens";

	private final RosterTokens tokens;

	RosterTokenController(RosterTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/admin/roster/tokens")
	String list(StaffActor actor, Model model) {
		model.addAttribute("tokens", tokens.list(actor));
		model.addAttribute("allScopes", List.of(ApiPrincipal.ROSTER_IMPORT, ApiPrincipal.RESULTS_READ));
		if (!model.containsAttribute("scopes")) {
			model.addAttribute("scopes", Set.of(ApiPrincipal.ROSTER_IMPORT));
		}
		return VIEW_TOKENS;
	}

	@PostMapping("/admin/roster/tokens")
	String create(@RequestParam(defaultValue = "") String name,
			@RequestParam(name = "scope", required = false) List<String> scopes, StaffActor actor, Model model,
			RedirectAttributes redirect) {
		// A form without the scope boxes (an older page, a script) asks for what tokens
		// always did: the roster import.
		Set<String> asked = scopes == null ? Set.of(ApiPrincipal.ROSTER_IMPORT) : Set.copyOf(scopes);
		try {
			redirect.addFlashAttribute("newToken", tokens.create(actor, name, asked).token());
			return "redirect:/admin/roster/tokens";
		}
		catch (RosterTokens.InvalidName ex) {
			model.addAttribute("nameError", ex.messageKey());
			return again(actor, model, name, asked);
		}
		catch (RosterTokens.InvalidScopes ex) {
			model.addAttribute("scopeError", true);
			return again(actor, model, name, asked);
		}
	}

	private String again(StaffActor actor, Model model, String name, Set<String> scopes) {
		model.addAttribute("name", name);
		model.addAttribute("scopes", scopes);
		return list(actor, model);
	}

	@PostMapping("/admin/roster/tokens/{id}/revoke")
	String revoke(@PathVariable long id, StaffActor actor) {
		try {
			tokens.revoke(actor, id);
		}
		catch (RosterTokens.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/admin/roster/tokens";
	}

}
