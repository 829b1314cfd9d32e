package jp.kennin.helpdesk.web;

import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.account.MemberAccounts;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One page per help-desk action with its reason form; the action itself and its single audit event
 * (with the reason) come from {@link MemberAccounts}. Another tenant's person or a dependent is a 404.
 */
@Controller
class HelpDeskActionController {

	static final String VIEW_ACTION = "helpdesk/action";

	private static final String PATH = "/admin/roster/people/{id}/{action:unlock|email|guidance|reset}";

	private final Roster roster;

	private final MemberAccounts accounts;

	HelpDeskActionController(Roster roster, MemberAccounts accounts) {
		this.roster = roster;
		this.accounts = accounts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping(PATH)
	String initActionForm(@PathVariable long id, @PathVariable String action, Authentication auth, Model model) {
		prepare(id, HelpDeskAction.of(action), StaffActor.of(auth), model);
		model.addAttribute("helpDeskForm", new HelpDeskForm());
		return VIEW_ACTION;
	}

	@PostMapping(PATH)
	String processActionForm(@PathVariable long id, @PathVariable String action,
			@ModelAttribute("helpDeskForm") HelpDeskForm form, BindingResult result, Authentication auth,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		HelpDeskAction what = HelpDeskAction.of(action);
		StaffActor staff = StaffActor.of(auth);
		prepare(id, what, staff, model);
		String reason = form.getReason().strip();
		// In the order of the fields on the page, so the error summary reads top to bottom.
		if (what.isAsksEmail() && form.getEmail().isBlank()) {
			result.rejectValue("email", "helpdesk.email.required");
		}
		if (reason.isEmpty()) {
			result.rejectValue("reason", "helpdesk.reason.required");
		}
		else if (reason.length() > HelpDeskForm.REASON_MAX) {
			result.rejectValue("reason", "helpdesk.reason.tooLong", new Object[] { HelpDeskForm.REASON_MAX }, null);
		}
		if (what.isAsksConfirmation() && !form.isConfirm()) {
			result.rejectValue("confirm", "helpdesk.reset.confirmRequired");
		}
		if (!result.hasErrors() && !Boolean.TRUE.equals(model.getAttribute("applies"))) {
			result.reject("helpdesk." + what.path + ".notApplicable");
		}
		if (result.hasErrors()) {
			return VIEW_ACTION;
		}
		MemberAccounts.StaffActor actor = new MemberAccounts.StaffActor(staff.loginId(), staff.role(),
				request.getRemoteAddr(), reason);
		long tenantId = staff.tenantId();
		try {
			switch (what) {
				case UNLOCK -> accounts.unlock(tenantId, id, actor);
				case EMAIL -> accounts.changeEmail(tenantId, id, form.getEmail(), actor);
				case GUIDANCE -> accounts.resendSignupGuidance(tenantId, id, actor);
				case RESET -> accounts.reset(tenantId, id, actor);
			}
		}
		catch (IllegalArgumentException ex) {
			if (!what.isAsksEmail()) {
				throw ex;
			}
			result.rejectValue("email", "helpdesk.email.invalid");
			return VIEW_ACTION;
		}
		catch (IllegalStateException ex) {
			result.reject("helpdesk." + what.path + ".notApplicable");
			return VIEW_ACTION;
		}
		redirect.addFlashAttribute("helpdeskDone", "helpdesk." + what.path + ".done");
		return "redirect:/admin/roster/people/" + id;
	}

	private void prepare(long id, HelpDeskAction action, StaffActor staff, Model model) {
		if (!HelpDeskAction.allowedFor(staff).contains(action)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		RosterPerson person = roster.findById(staff.tenantId(), id)
			.filter(RosterPerson::insured)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		RegistrationStatus status;
		try {
			status = accounts.status(staff.tenantId(), id);
		}
		catch (NoSuchElementException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("person", person);
		model.addAttribute("account", status);
		model.addAttribute("action", action.path);
		model.addAttribute("what", action);
		model.addAttribute("applies", action.applies(status, person));
	}

}
