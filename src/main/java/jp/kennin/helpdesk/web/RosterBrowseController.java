package jp.kennin.helpdesk.web;

import jp.kennin.account.RegistrationStatus;
import jp.kennin.helpdesk.internal.HelpDeskActions;
import jp.kennin.helpdesk.internal.HelpDeskRoster;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 名簿の検索 for insurer staff (TENANT_ADMIN, REVIEWER), always within their own tenant, with
 * each person's registration status and their household's survey status; without criteria
 * it lists everyone. Pages go by position ({@code after}/{@code before} a 記号-番号), not by
 * number, so there is no page number to be out of range (an old {@code page} parameter is
 * ignored). Every view of a person's detail is audited.
 */
@Controller
class RosterBrowseController {

	static final String VIEW_SEARCH = "helpdesk/search";

	static final String VIEW_PERSON = "helpdesk/person";

	private final HelpDeskRoster helpDesk;

	private final HelpDeskActions actions;

	RosterBrowseController(HelpDeskRoster helpDesk, HelpDeskActions actions) {
		this.helpDesk = helpDesk;
		this.actions = actions;
	}

	@GetMapping("/admin/roster")
	String search(@RequestParam(defaultValue = "") String kigo, @RequestParam(defaultValue = "") String bango,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String office,
			@RequestParam(defaultValue = "active") String active, @RequestParam(defaultValue = "") String state,
			@RequestParam(defaultValue = "") String campaign, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, StaffActor actor, Model model) {
		RosterDirectory.Criteria criteria = new RosterDirectory.Criteria(kigo, bango, name, office, active);
		RegistrationStatus.State wanted = parse(state);
		RosterDirectory.Cursor cursor = after != null ? RosterDirectory.Cursor.parse(after, false)
				: RosterDirectory.Cursor.parse(before, true);
		HelpDeskRoster.SearchResult result = helpDesk.search(actor,
				new HelpDeskRoster.SearchQuery(criteria, wanted, campaignId(campaign), cursor));
		model.addAttribute("criteria", criteria);
		model.addAttribute("state", wanted == null ? "" : wanted.name());
		model.addAttribute("states", RegistrationStatus.State.values());
		model.addAttribute("result", result);
		model.addAttribute("page", result.page());
		if (!result.page().people().isEmpty()) {
			model.addAttribute("beforeKey", RosterDirectory.Cursor.key(result.page().people().get(0)));
			model.addAttribute("afterKey",
					RosterDirectory.Cursor.key(result.page().people().get(result.page().people().size() - 1)));
		}
		return VIEW_SEARCH;
	}

	@GetMapping("/admin/roster/people/{id}")
	String person(@PathVariable long id, StaffActor actor, Model model) {
		HelpDeskRoster.PersonDetail detail = helpDesk.person(actor, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("person", detail.person());
		model.addAttribute("household", detail.household());
		model.addAttribute("forms", detail.forms());
		model.addAttribute("events", detail.events());
		model.addAttribute("bouncing", detail.bouncing());
		if (detail.account() != null) {
			model.addAttribute("account", detail.account());
			model.addAttribute("actions", actions.allowed(actor));
		}
		return VIEW_PERSON;
	}

	private static RegistrationStatus.State parse(String state) {
		for (RegistrationStatus.State s : RegistrationStatus.State.values()) {
			if (s.name().equals(state)) {
				return s;
			}
		}
		return null;
	}

	private static Long campaignId(String campaign) {
		try {
			return campaign.isBlank() ? null : Long.valueOf(campaign.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
