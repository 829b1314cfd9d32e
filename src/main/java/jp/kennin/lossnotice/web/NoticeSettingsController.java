package jp.kennin.lossnotice.web;

import jp.kennin.lossnotice.LossNotices;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 通知と効果の設定 (TENANT_ADMIN): 保険者番号 and 所在地 for the certificate, and the average annual cost
 * per dependent for the dashboard's estimate. Who may is {@link LossNotices}' rule.
 */
@Controller
class NoticeSettingsController {

	static final String VIEW = "lossnotice/settings";

	static final String FORM = "noticeSettingsForm";

	private final LossNotices notices;

	NoticeSettingsController(LossNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/admin/notice-settings")
	String show(StaffActor staff, org.springframework.ui.Model model) {
		model.addAttribute(FORM, NoticeSettingsForm.of(notices.settingsForEditing(ReviewActor.of(staff))));
		return VIEW;
	}

	@PostMapping("/admin/notice-settings")
	String save(StaffActor staff, @ModelAttribute(FORM) NoticeSettingsForm form, BindingResult result) {
		ReviewActor actor = ReviewActor.of(staff);
		// Refuses other staff before any message about the values is shown.
		notices.settingsForEditing(actor);
		form.validate(result);
		if (result.hasErrors()) {
			return VIEW;
		}
		notices.changeSettings(actor, form.settings());
		return "redirect:/admin/notice-settings?saved";
	}

}
