package jp.kennin.roster.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.internal.RosterSearch;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 名簿の検索 for insurer staff (TENANT_ADMIN, REVIEWER), always within their own tenant. Every view of a
 * person's detail is written to the audit log.
 */
@Controller
class RosterBrowseController {

	static final String VIEW_SEARCH = "roster/search";

	static final String VIEW_PERSON = "roster/person";

	static final String AUDIT_VIEWED = "ROSTER_PERSON_VIEWED";

	private final RosterSearch search;

	private final Roster roster;

	private final AuditLog audit;

	RosterBrowseController(RosterSearch search, Roster roster, AuditLog audit) {
		this.search = search;
		this.roster = roster;
		this.audit = audit;
	}

	@GetMapping("/admin/roster")
	String search(@RequestParam(defaultValue = "") String kigo, @RequestParam(defaultValue = "") String bango,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String office,
			@RequestParam(defaultValue = "active") String active, @RequestParam(defaultValue = "0") int page,
			Authentication auth, Model model) {
		RosterSearch.Criteria criteria = new RosterSearch.Criteria(kigo, bango, name, office, active);
		model.addAttribute("criteria", criteria);
		if (!criteria.empty() || !"active".equals(active)) {
			model.addAttribute("result", search.search(StaffActor.of(auth).tenantId(), criteria, page));
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
		return VIEW_PERSON;
	}

}
