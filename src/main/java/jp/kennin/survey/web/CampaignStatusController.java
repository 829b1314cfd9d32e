package jp.kennin.survey.web;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.NonResponderRule;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's way through 準備中 → 公開中 → 締切 → 完了. Opening and closing each show a
 * confirmation page with what they do (households, dependents, forms not submitted,
 * overlaps with other open campaigns) first.
 */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignStatusController {

	static final String VIEW_OPEN = "survey/campaignOpen";

	static final String VIEW_CLOSE = "survey/campaignClose";

	private final Campaigns campaigns;

	CampaignStatusController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping("/{id}/open")
	String confirmOpening(StaffActor staff, @PathVariable long id, Model model, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		try {
			model.addAttribute("opening", campaigns.opening(actor, id));
			return VIEW_OPEN;
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return CampaignPages.redirectTo(id);
		}
	}

	/**
	 * Opens with the counts the confirmation page showed; without them, the confirmation
	 * page comes first.
	 */
	@PostMapping("/{id}/open")
	String open(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Long households,
			@RequestParam(required = false) Long dependents, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		if (households == null || dependents == null) {
			campaigns.requireManager(actor);
			CampaignPages.find(campaigns, actor, id);
			return CampaignPages.redirectTo(id) + "/open";
		}
		return CampaignPages.act(redirect, id, "survey.campaign.flash.opened",
				() -> campaigns.open(actor, id, new Campaigns.Confirmed(households, dependents)));
	}

	/** 未提出の扱い: HOLD or REMOVE; anything else is HOLD, the safe default. */
	@PostMapping("/{id}/non-responder-rule")
	String changeNonResponderRule(StaffActor staff, @PathVariable long id,
			@RequestParam(defaultValue = "HOLD") String rule, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		NonResponderRule chosen = "REMOVE".equals(rule) ? NonResponderRule.REMOVE : NonResponderRule.HOLD;
		return CampaignPages.act(redirect, id, "survey.campaign.flash.nonResponderRule",
				() -> campaigns.changeNonResponderRule(actor, id, chosen));
	}

	@PostMapping("/{id}/deadline")
	String changeDeadline(StaffActor staff, @PathVariable long id, @ModelAttribute("deadlineForm") CampaignForm form,
			BindingResult result, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		CampaignPages.find(campaigns, actor, id);
		var date = CampaignFormParser.date(form.getDeadlineDate(), "deadlineDate", true, result);
		var time = CampaignFormParser.time(form.getDeadlineTime(), "deadlineTime", result);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("org.springframework.validation.BindingResult.deadlineForm", result);
			redirect.addFlashAttribute("deadlineForm", form);
			return CampaignPages.redirectTo(id);
		}
		var deadline = date.atTime(time).atZone(JapanTime.ZONE).toInstant();
		return CampaignPages.act(redirect, id, "survey.campaign.flash.deadline",
				() -> campaigns.changeDeadline(actor, id, deadline, form.isLateSubmissionAllowed()));
	}

	@GetMapping("/{id}/close")
	String confirmClosing(StaffActor staff, @PathVariable long id, Model model, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		try {
			model.addAttribute("closing", campaigns.closing(actor, id));
			return VIEW_CLOSE;
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return CampaignPages.redirectTo(id);
		}
	}

	/**
	 * Closes once confirmed on the confirmation page; otherwise that page comes first.
	 */
	@PostMapping("/{id}/close")
	String close(StaffActor staff, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		if (!confirmed) {
			campaigns.requireManager(actor);
			CampaignPages.find(campaigns, actor, id);
			return CampaignPages.redirectTo(id) + "/close";
		}
		return CampaignPages.act(redirect, id, "survey.campaign.flash.closed", () -> campaigns.close(actor, id));
	}

	@PostMapping("/{id}/complete")
	String complete(StaffActor staff, @PathVariable long id, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		return CampaignPages.act(redirect, id, "survey.campaign.flash.completed", () -> campaigns.complete(actor, id));
	}

}
