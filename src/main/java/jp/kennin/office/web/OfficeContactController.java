package jp.kennin.office.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.letter.LetterKind;
import jp.kennin.office.OfficeContactViews;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.OfficeProgress;
import jp.kennin.survey.OfficeProgress.Progress;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office contact's pages, the reminder send-now and the letters download; who may do
 * what is {@link OfficeContactViews}'s rule.
 */
@Controller
class OfficeContactController {

	static final String VIEW_CAMPAIGNS = "office/campaigns";

	static final String VIEW_PROGRESS = "office/progress";

	static final String VIEW_REMINDERS = "office/reminders";

	static final String VIEW_DASHBOARD = "office/dashboard";

	private final OfficeContactViews views;

	OfficeContactController(OfficeContactViews views) {
		this.views = views;
	}

	@GetMapping("/admin/office")
	String campaigns(StaffActor actor, Model model) {
		model.addAttribute("list", views.campaigns(actor));
		return VIEW_CAMPAIGNS;
	}

	@GetMapping("/admin/office/campaigns/{id}")
	String progress(@PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam(required = false) String progress, @RequestParam(required = false) String after,
			StaffActor actor, Model model) {
		Progress filter = Arrays.stream(Progress.values())
			.filter(p -> p.name().equals(progress))
			.findFirst()
			.orElse(null);
		model.addAttribute("view", views.progress(actor, id, office, filter, OfficeProgress.After.parse(after)));
		model.addAttribute("progressStates", Progress.values());
		return VIEW_PROGRESS;
	}

	/**
	 * The campaign dashboard of their offices: the dashboard template fragment, its sort
	 * headers and office filter pointing back here.
	 */
	@GetMapping("/admin/office/campaigns/{id}/dashboard")
	String dashboard(@PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, StaffActor actor,
			Model model) {
		OfficeSort by = OfficeSort.parse(sort);
		boolean descending = "desc".equals(dir);
		OfficeContactViews.DashboardView view = views.dashboard(actor, id, office, by, descending);
		model.addAttribute("view", view);
		model.addAttribute("dashboard", view.dashboard());
		model.addAttribute("chartLibrary", Dashboard.CHART_LIBRARY);
		model.addAttribute("sort", by);
		model.addAttribute("descending", descending);
		model.addAttribute("admin", false);
		model.addAttribute("showCost", false);
		model.addAttribute("dashboardUrl", "/admin/office/campaigns/" + id + "/dashboard");
		model.addAttribute("dashboardOffices", view.offices());
		model.addAttribute("dashboardOffice", view.office());
		return VIEW_DASHBOARD;
	}

	/** The count first: who the reminder would reach now, with the confirm button. */
	@GetMapping("/admin/office/campaigns/{id}/reminders")
	String reminders(@PathVariable long id, @RequestParam(required = false) String office, StaffActor actor,
			Model model) {
		model.addAttribute("view", views.progress(actor, id, office, null, null));
		model.addAttribute("audience", views.reminderAudience(actor, id, office));
		return VIEW_REMINDERS;
	}

	@PostMapping("/admin/office/campaigns/{id}/reminders")
	String sendReminders(@PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam long confirmed, StaffActor actor, RedirectAttributes redirect) {
		try {
			long households = views.sendReminders(actor, id, office, confirmed).households();
			redirect.addFlashAttribute("flash", "office.reminders.sent");
			redirect.addFlashAttribute("flashCount", households);
		}
		catch (CampaignProblem problem) {
			redirect.addFlashAttribute("flash", problem.messageKey());
			redirect.addFlashAttribute("flashCount", 0);
		}
		redirect.addAttribute("office", office == null ? "" : office);
		return "redirect:/admin/office/campaigns/" + id;
	}

	@GetMapping("/admin/office/campaigns/{id}/letters.pdf")
	String letters(@PathVariable long id, @RequestParam(required = false) String office,
			@RequestParam(defaultValue = "INVITATION") LetterKind kind, StaffActor actor, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (views.letterCount(actor, id, office, kind) == 0) {
			redirect.addFlashAttribute("flash", "office.letters.none");
			redirect.addFlashAttribute("flashCount", 0);
			return "redirect:/admin/office/campaigns/" + id;
		}
		response.setContentType("application/pdf");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String name = "letters_" + id + "_" + kind.name().toLowerCase(Locale.ROOT)
				+ (office == null || office.isBlank() ? "" : "_" + office.strip()) + ".pdf";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(Downloads.safeFileName(name), StandardCharsets.UTF_8)
					.build()
					.toString());
		views.printLetters(actor, id, office, kind, response.getOutputStream());
		return null;
	}

}
