package jp.kennin.helpdesk.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.account.MemberAccounts;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.account.RegistrationStatuses;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterDirectory;
import jp.kennin.roster.RosterPerson;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 名簿の検索 for insurer staff (TENANT_ADMIN, REVIEWER), always within their own tenant, with each
 * person's registration status. Every view of a person's detail is written to the audit log.
 */
@Controller
class RosterBrowseController {

	static final String VIEW_SEARCH = "helpdesk/search";

	static final String VIEW_PERSON = "helpdesk/person";

	static final String AUDIT_VIEWED = "ROSTER_PERSON_VIEWED";

	/** The last page whose row offset still fits an int; anything above shows an empty page. */
	static final int LAST_PAGE = Integer.MAX_VALUE / RosterDirectory.PAGE_SIZE - 1;

	private final RosterDirectory directory;

	private final Roster roster;

	private final MemberAccounts accounts;

	private final RegistrationStatuses statuses;

	private final AuditLog audit;

	RosterBrowseController(RosterDirectory directory, Roster roster, MemberAccounts accounts,
			RegistrationStatuses statuses, AuditLog audit) {
		this.directory = directory;
		this.roster = roster;
		this.accounts = accounts;
		this.statuses = statuses;
		this.audit = audit;
	}

	@GetMapping("/admin/roster")
	String search(@RequestParam(defaultValue = "") String kigo, @RequestParam(defaultValue = "") String bango,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String office,
			@RequestParam(defaultValue = "active") String active, @RequestParam(defaultValue = "") String state,
			@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
		RosterDirectory.Criteria criteria = new RosterDirectory.Criteria(kigo, bango, name, office, active);
		RegistrationStatus.State wanted = parse(state);
		model.addAttribute("criteria", criteria);
		model.addAttribute("state", wanted == null ? "" : wanted.name());
		model.addAttribute("states", RegistrationStatus.State.values());
		if (!criteria.empty() || !"active".equals(active) || wanted != null) {
			long tenantId = StaffActor.of(auth).tenantId();
			// 無効 means inactive on the roster, so that filter must not be cut down to active people.
			RosterDirectory.Criteria query = wanted == RegistrationStatus.State.INACTIVE
					? new RosterDirectory.Criteria(kigo, bango, name, office, "all") : criteria;
			RosterDirectory.Page result = directory.search(tenantId, query, Math.max(0, Math.min(page, LAST_PAGE)),
					wanted == null ? null : statuses.having(wanted));
			model.addAttribute("result", result);
			model.addAttribute("stateOf", statuses.states(tenantId,
					result.people().stream().map(RosterPerson::id).collect(Collectors.toSet())));
		}
		return VIEW_SEARCH;
	}

	@GetMapping("/admin/roster/people/{id}")
	String person(@PathVariable long id, Authentication auth, HttpServletRequest request, Model model) {
		StaffActor actor = StaffActor.of(auth);
		RosterPerson person = roster.findById(actor.tenantId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String target = "roster_person:" + person.id();
		audit.record(new AuditLog.Event(AUDIT_VIEWED, actor.tenantId(), "STAFF", actor.loginId(), actor.role(), target,
				request.getRemoteAddr(), Map.of("kigo", person.kigo(), "bango", person.bango())));
		model.addAttribute("person", person);
		model.addAttribute("household", roster.household(actor.tenantId(), person.kigo(), person.bango()));
		model.addAttribute("events", audit.search(new AuditLog.Query(actor.tenantId(), null, null, null, target, 20)));
		if (person.insured()) {
			model.addAttribute("account", accounts.status(actor.tenantId(), person.id()));
			model.addAttribute("actions", HelpDeskAction.allowedFor(actor));
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

}
