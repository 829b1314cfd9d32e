package jp.kennin.survey.web;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.Campaigns;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the campaign controllers share: finding a campaign, and running a change that may
 * be refused.
 */
final class CampaignPages {

	private CampaignPages() {
	}

	static Campaign find(Campaigns campaigns, CampaignActor actor, long id) {
		return campaigns.find(actor.tenantId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static String redirectTo(long id) {
		return "redirect:/admin/campaigns/" + id;
	}

	/**
	 * Runs a state change; a refused change comes back as a message on the campaign page.
	 */
	static String act(RedirectAttributes redirect, long id, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return redirectTo(id);
	}

}
