package jp.kennin.notification.web;

import jp.kennin.notification.internal.FailedMails;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 送信できなかったメール (OPERATOR): the list and its 「再送する」 buttons; {@link FailedMails} checks the
 * role and audits the retry, as the other operator pages leave it to their service.
 */
@Controller
class FailedMailsController {

	static final String VIEW = "notification/failedMails";

	private final FailedMails failedMails;

	FailedMailsController(FailedMails failedMails) {
		this.failedMails = failedMails;
	}

	@GetMapping("/admin/mail/failed")
	String list(StaffActor actor, Model model) {
		model.addAttribute("mails", failedMails.list(actor));
		model.addAttribute("total", failedMails.count(actor));
		return VIEW;
	}

	@PostMapping("/admin/mail/failed/{id:\\d+}/retry")
	String retry(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute(failedMails.retry(actor, id) ? "retried" : "notFailed", id);
		return "redirect:/admin/mail/failed";
	}

}
