package jp.kennin.survey.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.NonResponderRule;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaigns for insurer staff: TENANT_ADMIN creates, edits and previews; REVIEWER reads.
 * Opening and closing are in {@link CampaignStatusController}. {@link Campaigns} checks
 * the role and writes the audit record.
 */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignController {

	static final String VIEW_LIST = "survey/campaigns";

	static final String VIEW_FORM = "survey/campaignForm";

	static final String VIEW_DETAIL = "survey/campaign";

	private final Campaigns campaigns;

	private final Clock clock;

	CampaignController(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@InitBinder("campaignForm")
	void allowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId", "status");
	}

	@ModelAttribute("allCategories")
	RelationshipCategory[] allCategories() {
		return Arrays.stream(RelationshipCategory.values())
			.filter(c -> c != RelationshipCategory.SELF)
			.toArray(RelationshipCategory[]::new);
	}

	@GetMapping
	String list(StaffActor staff, Model model) {
		CampaignActor actor = CampaignActor.staff(staff);
		model.addAttribute("campaigns", campaigns.list(actor.tenantId()));
		model.addAttribute("canEdit", actor.mayManage());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String initCreationForm(StaffActor staff, Model model) {
		campaigns.requireManager(CampaignActor.staff(staff));
		model.addAttribute("campaignForm", CampaignForm.forNew(JapanTime.today(clock)));
		return VIEW_FORM;
	}

	@PostMapping
	String processCreationForm(StaffActor staff, @ModelAttribute CampaignForm campaignForm, BindingResult result,
			RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		CampaignDraft draft = CampaignFormParser.parse(campaignForm, result);
		if (draft == null) {
			return VIEW_FORM;
		}
		long id = campaigns.create(actor, draft);
		redirect.addFlashAttribute("flash", "survey.campaign.flash.created");
		return CampaignPages.redirectTo(id);
	}

	@GetMapping("/{id}")
	String show(StaffActor staff, @PathVariable long id, Model model) {
		CampaignActor actor = CampaignActor.staff(staff);
		Campaign campaign = find(actor, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("breakdown", campaigns.breakdown(actor.tenantId(), id));
		model.addAttribute("exclusions", campaigns.exclusionCount(actor.tenantId(), id));
		model.addAttribute("canEdit", actor.mayManage());
		model.addAttribute("nonResponderRules", NonResponderRule.values());
		if (!model.containsAttribute("deadlineForm")) {
			model.addAttribute("deadlineForm", CampaignForm.of(campaign));
		}
		return VIEW_DETAIL;
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(StaffActor staff, @PathVariable long id, Model model) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		Campaign campaign = find(actor, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("campaignForm", CampaignForm.of(campaign));
		return VIEW_FORM;
	}

	@PostMapping("/{id}")
	String processUpdateForm(StaffActor staff, @PathVariable long id, @ModelAttribute CampaignForm campaignForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		Campaign campaign = find(actor, id);
		CampaignDraft draft = CampaignFormParser.parse(campaignForm, result);
		if (draft == null) {
			model.addAttribute("campaign", campaign);
			return VIEW_FORM;
		}
		return CampaignPages.act(redirect, id, "survey.campaign.flash.updated",
				() -> campaigns.update(actor, id, draft));
	}

	@PostMapping("/{id}/exclusions")
	String uploadExclusions(StaffActor staff, @PathVariable long id, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		CampaignActor actor = CampaignActor.staff(staff);
		campaigns.requireManager(actor);
		find(actor, id);
		if (file.isEmpty()) {
			redirect.addFlashAttribute("exclusionErrors", List.of("ファイルを選択してください"));
			return CampaignPages.redirectTo(id);
		}
		ExclusionCsv.Result parsed = ExclusionCsv.read(file.getBytes());
		if (!parsed.errors().isEmpty()) {
			redirect.addFlashAttribute("exclusionErrors", parsed.errors());
			return CampaignPages.redirectTo(id);
		}
		return CampaignPages.act(redirect, id, "survey.campaign.flash.exclusions",
				() -> campaigns.replaceExclusions(actor, id, parsed.keys()));
	}

	private Campaign find(CampaignActor actor, long id) {
		return CampaignPages.find(campaigns, actor, id);
	}

}
