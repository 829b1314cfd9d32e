package jp.kennin.survey.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.CampaignReminders;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.ReminderFilter;
import jp.kennin.survey.ReminderFilter.HouseholdState;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A campaign's outreach: the runs (invitation, scheduled reminders, 今すぐ督促) with their
 * delivery progress from the outbox, 「今すぐ督促を送る」 to a filtered list after a confirmation
 * page with the count, and one household's journal. {@link CampaignReminders} checks the
 * role and writes the audit record.
 */
@Controller
class ReminderController {

	static final String VIEW_OUTREACH = "survey/outreach";

	static final String VIEW_CONFIRM = "survey/reminderConfirm";

	static final String VIEW_JOURNAL = "survey/outreachJournal";

	private final Campaigns campaigns;

	private final CampaignReminders reminders;

	private final Roster roster;

	ReminderController(Campaigns campaigns, CampaignReminders reminders, Roster roster) {
		this.campaigns = campaigns;
		this.reminders = reminders;
		this.roster = roster;
	}

	@GetMapping("/admin/campaigns/{id}/outreach")
	String outreach(StaffActor staff, @PathVariable long id, Model model) {
		CampaignActor actor = CampaignActor.staff(staff);
		Campaign campaign = CampaignPages.find(campaigns, actor, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("runs", reminders.runs(actor.tenantId(), id));
		model.addAttribute("slots", campaign.reminders().slots(campaign.deadline()));
		model.addAttribute("offices", campaigns.breakdown(actor.tenantId(), id).counts().offices());
		model.addAttribute("states", HouseholdState.values());
		model.addAttribute("canSend", actor.mayManage() && campaign.status().name().equals("OPEN"));
		return VIEW_OUTREACH;
	}

	@GetMapping("/admin/campaigns/{id}/outreach/remind")
	String confirm(StaffActor staff, @PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam(required = false) Set<HouseholdState> states,
			@RequestParam(required = false) Boolean registered, Model model, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		Campaign campaign = CampaignPages.find(campaigns, actor, id);
		ReminderFilter filter = new ReminderFilter(office, states, registered);
		try {
			model.addAttribute("audience", reminders.audience(actor, id, filter));
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/admin/campaigns/" + id + "/outreach";
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("filter", filter);
		model.addAttribute("stateList",
				filter.states().isEmpty() ? List.of() : EnumSet.copyOf(filter.states()).stream().toList());
		return VIEW_CONFIRM;
	}

	@PostMapping("/admin/campaigns/{id}/outreach/remind")
	String send(StaffActor staff, @PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam(required = false) Set<HouseholdState> states,
			@RequestParam(required = false) Boolean registered, @RequestParam(required = false) Long households,
			RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		CampaignPages.find(campaigns, actor, id);
		ReminderFilter filter = new ReminderFilter(office, states, registered);
		String confirmPage = confirmUrl(id, filter);
		if (households == null) {
			return "redirect:" + confirmPage;
		}
		try {
			var counts = reminders.sendNow(actor, id, filter, households);
			redirect.addFlashAttribute("flash", "survey.reminder.flash.sent");
			redirect.addFlashAttribute("sentHouseholds", counts.households());
			return "redirect:/admin/campaigns/" + id + "/outreach";
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:" + confirmPage;
		}
	}

	@GetMapping("/admin/outreach/journal")
	String journal(StaffActor staff, @RequestParam String kigo, @RequestParam String bango, Model model) {
		CampaignActor actor = CampaignActor.staff(staff);
		var person = roster.findInsured(actor.tenantId(), kigo, bango)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("person", person);
		model.addAttribute("entries", reminders.journal(actor.tenantId(), kigo, bango));
		return VIEW_JOURNAL;
	}

	private static String confirmUrl(long id, ReminderFilter filter) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/campaigns/{id}/outreach/remind");
		if (filter.officeCode() != null) {
			b.queryParam("office", filter.officeCode());
		}
		filter.states().stream().sorted().forEach(s -> b.queryParam("states", s.name()));
		if (filter.registered() != null) {
			b.queryParam("registered", filter.registered());
		}
		return b.buildAndExpand(id).encode().toUriString();
	}

}
