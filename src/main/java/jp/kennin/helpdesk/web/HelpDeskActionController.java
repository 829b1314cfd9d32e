package jp.kennin.helpdesk.web;

import jp.kennin.helpdesk.internal.HelpDeskAction;
import jp.kennin.helpdesk.internal.HelpDeskActions;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One page per help-desk action with its reason form; who may take it, the action itself
 * and its single audit event (with the reason) come from {@link HelpDeskActions}. Another
 * tenant's person or a dependent is a 404.
 */
@Controller
class HelpDeskActionController {

	static final String VIEW_ACTION = "helpdesk/action";

	private static final String PATH = "/admin/roster/people/{id}/{action:unlock|email|guidance|reset}";

	private final HelpDeskActions actions;

	HelpDeskActionController(HelpDeskActions actions) {
		this.actions = actions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping(PATH)
	String initActionForm(@PathVariable long id, @PathVariable String action, StaffActor actor, Model model) {
		prepare(id, HelpDeskAction.of(action), actor, model);
		model.addAttribute("helpDeskForm", new HelpDeskForm());
		return VIEW_ACTION;
	}

	@PostMapping(PATH)
	String processActionForm(@PathVariable long id, @PathVariable String action,
			@ModelAttribute("helpDeskForm") HelpDeskForm form, BindingResult result, StaffActor actor, Model model,
			RedirectAttributes redirect) {
		HelpDeskAction what = HelpDeskAction.of(action);
		prepare(id, what, actor, model);
		String reason = form.getReason().strip();
		// In the order of the fields on the page, so the error summary reads top to
		// bottom.
		if (what.isAsksEmail() && form.getEmail().isBlank()) {
			result.rejectValue("email", "helpdesk.email.required");
		}
		else if (what.isAsksEmail() && NoControlCharacters.Check.found(form.getEmail(), false)) {
			result.rejectValue("email", "helpdesk.email.invalid");
		}
		if (reason.isEmpty()) {
			result.rejectValue("reason", "helpdesk.reason.required");
		}
		else if (reason.length() > HelpDeskForm.REASON_MAX) {
			result.rejectValue("reason", "helpdesk.reason.tooLong", new Object[] { HelpDeskForm.REASON_MAX }, null);
		}
		else if (NoControlCharacters.Check.found(reason, true)) {
			result.rejectValue("reason", "helpdesk.reason.controlCharacters");
		}
		if (what.isAsksConfirmation() && !form.isConfirm()) {
			result.rejectValue("confirm", "helpdesk.reset.confirmRequired");
		}
		if (!result.hasErrors() && !Boolean.TRUE.equals(model.getAttribute("applies"))) {
			result.reject("helpdesk." + what.getPath() + ".notApplicable");
		}
		if (result.hasErrors()) {
			return VIEW_ACTION;
		}
		try {
			actions.perform(actor, id, what, form.getEmail(), reason);
		}
		catch (IllegalArgumentException ex) {
			if (!what.isAsksEmail()) {
				throw ex;
			}
			result.rejectValue("email", "helpdesk.email.invalid");
			return VIEW_ACTION;
		}
		catch (IllegalStateException ex) {
			result.reject("helpdesk." + what.getPath() + ".notApplicable");
			return VIEW_ACTION;
		}
		redirect.addFlashAttribute("helpdeskDone", "helpdesk." + what.getPath() + ".done");
		return "redirect:/admin/roster/people/" + id;
	}

	private void prepare(long id, HelpDeskAction action, StaffActor actor, Model model) {
		HelpDeskActions.Subject subject = actions.subject(actor, id, action);
		model.addAttribute("person", subject.person());
		model.addAttribute("account", subject.account());
		model.addAttribute("action", action.getPath());
		model.addAttribute("what", action);
		model.addAttribute("applies", subject.applies());
	}

}
