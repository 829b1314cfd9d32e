package jp.kennin.office.web;

import java.util.Arrays;

import jp.kennin.office.OfficeContactViews;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.OfficeProgress;
import jp.kennin.survey.OfficeProgress.Progress;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office contact's pages; who may see what is {@link OfficeContactViews}'s rule. The
 * reminder send-now and the letters download for their offices go here later (see
 * {@link OfficeContactViews}).
 */
@Controller
class OfficeContactController {

	static final String VIEW_CAMPAIGNS = "office/campaigns";

	static final String VIEW_PROGRESS = "office/progress";

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

}
