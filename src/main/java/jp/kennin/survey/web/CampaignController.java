package jp.kennin.survey.web;

import java.io.IOException;
import java.util.Arrays;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.Campaigns;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Campaigns for insurer staff: TENANT_ADMIN creates, edits, previews, opens and closes; REVIEWER reads.
 */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignController {

	static final String VIEW_LIST = "survey/campaigns";

	static final String VIEW_FORM = "survey/campaignForm";

	static final String VIEW_DETAIL = "survey/campaign";

	private final Campaigns campaigns;

	CampaignController(Campaigns campaigns) {
		this.campaigns = campaigns;
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
	String list(Authentication auth, Model model) {
		StaffTenant staff = StaffTenant.of(auth);
		model.addAttribute("campaigns", campaigns.list(staff.tenantId()));
		model.addAttribute("canEdit", staff.admin());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String initCreationForm(Authentication auth, Model model) {
		StaffTenant.of(auth).requireAdmin();
		model.addAttribute("campaignForm", new CampaignForm());
		return VIEW_FORM;
	}

	@PostMapping
	String processCreationForm(Authentication auth, @ModelAttribute CampaignForm campaignForm, BindingResult result,
			RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		CampaignDraft draft = CampaignFormParser.parse(campaignForm, result);
		if (draft == null) {
			return VIEW_FORM;
		}
		long id = campaigns.create(staff.tenantId(), draft);
		redirect.addFlashAttribute("flash", "survey.campaign.flash.created");
		return "redirect:/admin/campaigns/" + id;
	}

	@GetMapping("/{id}")
	String show(Authentication auth, @PathVariable long id, Model model) {
		StaffTenant staff = StaffTenant.of(auth);
		Campaign campaign = find(staff, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("preview", campaigns.preview(staff.tenantId(), id));
		model.addAttribute("exclusions", campaigns.exclusionCount(staff.tenantId(), id));
		model.addAttribute("canEdit", staff.admin());
		if (!model.containsAttribute("deadlineForm")) {
			CampaignForm form = CampaignForm.of(campaign);
			model.addAttribute("deadlineForm", form);
		}
		return VIEW_DETAIL;
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(Authentication auth, @PathVariable long id, Model model) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		Campaign campaign = find(staff, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("campaignForm", CampaignForm.of(campaign));
		return VIEW_FORM;
	}

	@PostMapping("/{id}")
	String processUpdateForm(Authentication auth, @PathVariable long id, @ModelAttribute CampaignForm campaignForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		Campaign campaign = find(staff, id);
		CampaignDraft draft = CampaignFormParser.parse(campaignForm, result);
		if (draft == null) {
			model.addAttribute("campaign", campaign);
			return VIEW_FORM;
		}
		return act(redirect, id, "survey.campaign.flash.updated", () -> campaigns.update(staff.tenantId(), id, draft));
	}

	@PostMapping("/{id}/exclusions")
	String uploadExclusions(Authentication auth, @PathVariable long id, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		find(staff, id);
		if (file.isEmpty()) {
			redirect.addFlashAttribute("exclusionErrors", java.util.List.of("ファイルを選択してください"));
			return "redirect:/admin/campaigns/" + id;
		}
		ExclusionCsv.Result parsed = ExclusionCsv.read(file.getBytes());
		if (!parsed.errors().isEmpty()) {
			redirect.addFlashAttribute("exclusionErrors", parsed.errors());
			return "redirect:/admin/campaigns/" + id;
		}
		return act(redirect, id, "survey.campaign.flash.exclusions",
				() -> campaigns.replaceExclusions(staff.tenantId(), id, parsed.keys()));
	}

	@PostMapping("/{id}/open")
	String open(Authentication auth, @PathVariable long id, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		return act(redirect, id, "survey.campaign.flash.opened", () -> campaigns.open(staff.tenantId(), id));
	}

	@PostMapping("/{id}/deadline")
	String changeDeadline(Authentication auth, @PathVariable long id, @ModelAttribute("deadlineForm") CampaignForm form,
			BindingResult result, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		find(staff, id);
		var date = CampaignFormParser.date(form.getDeadlineDate(), "deadlineDate", true, result);
		var time = CampaignFormParser.time(form.getDeadlineTime(), "deadlineTime", result);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("org.springframework.validation.BindingResult.deadlineForm", result);
			redirect.addFlashAttribute("deadlineForm", form);
			return "redirect:/admin/campaigns/" + id;
		}
		var deadline = date.atTime(time).atZone(jp.kennin.platform.JapanTime.ZONE).toInstant();
		return act(redirect, id, "survey.campaign.flash.deadline",
				() -> campaigns.changeDeadline(staff.tenantId(), id, deadline, form.isLateSubmissionAllowed()));
	}

	@PostMapping("/{id}/close")
	String close(Authentication auth, @PathVariable long id, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		return act(redirect, id, "survey.campaign.flash.closed", () -> campaigns.close(staff.tenantId(), id));
	}

	@PostMapping("/{id}/complete")
	String complete(Authentication auth, @PathVariable long id, RedirectAttributes redirect) {
		StaffTenant staff = StaffTenant.of(auth).requireAdmin();
		return act(redirect, id, "survey.campaign.flash.completed", () -> campaigns.complete(staff.tenantId(), id));
	}

	private Campaign find(StaffTenant staff, long id) {
		return campaigns.find(staff.tenantId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Runs a state change; a refused change comes back as a message on the campaign page. */
	private String act(RedirectAttributes redirect, long id, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/admin/campaigns/" + id;
	}

}
