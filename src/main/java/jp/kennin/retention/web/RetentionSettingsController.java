package jp.kennin.retention.web;

import jp.kennin.platform.StaffActor;
import jp.kennin.retention.Retention;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 保存期間 (TENANT_ADMIN): how many years survey documents and the personal data of
 * households gone from the roster are kept. Who may is {@link Retention}'s rule.
 */
@Controller
class RetentionSettingsController {

	static final String VIEW = "retention/settings";

	static final String FORM = "retentionSettingsForm";

	private final Retention retention;

	RetentionSettingsController(Retention retention) {
		this.retention = retention;
	}

	@GetMapping("/admin/retention")
	String show(StaffActor staff, Model model) {
		model.addAttribute(FORM, RetentionSettingsForm.of(retention.settingsForEditing(staff)));
		return VIEW;
	}

	@PostMapping("/admin/retention")
	String save(StaffActor staff, @ModelAttribute(FORM) RetentionSettingsForm form, BindingResult result) {
		// Refuses other staff before any message about the values is shown.
		retention.settingsForEditing(staff);
		form.validate(result);
		if (result.hasErrors()) {
			return VIEW;
		}
		retention.changeSettings(staff, form.settings());
		return "redirect:/admin/retention?saved";
	}

}
