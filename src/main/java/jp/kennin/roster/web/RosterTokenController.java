package jp.kennin.roster.web;

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
		return VIEW_TOKENS;
	}

	@PostMapping("/admin/roster/tokens")
	String create(@RequestParam(defaultValue = "") String name, StaffActor actor, Model model,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("newToken", tokens.create(actor, name).token());
			return "redirect:/admin/roster/tokens";
		}
		catch (RosterTokens.InvalidName ex) {
			model.addAttribute("nameError", true);
			model.addAttribute("name", name);
			return list(actor, model);
		}
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
