package jp.kennin.account.web;

import jp.kennin.account.internal.EmailCodes;

import org.springframework.validation.Errors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The messages for a code entry or a resend, shared by sign-up and the email change.
 */
final class CodeMessages {

	private CodeMessages() {
	}

	static void reject(EmailCodes.Check check, Errors errors) {
		switch (check.outcome()) {
			case WRONG -> errors.rejectValue("code", "account.code.wrong", new Object[] { check.triesLeft() }, null);
			case DEAD -> errors.rejectValue("code", "account.code.dead");
			case EXPIRED -> errors.rejectValue("code", "account.code.expired");
			default -> errors.rejectValue("code", "account.code.none");
		}
	}

	static void flash(EmailCodes.Issue issue, RedirectAttributes redirect) {
		switch (issue.status()) {
			case SENT -> redirect.addFlashAttribute("codeStatus", "sent");
			case COOLDOWN -> {
				redirect.addFlashAttribute("codeStatus", "cooldown");
				redirect.addFlashAttribute("waitSeconds", issue.waitSeconds());
			}
			case HOURLY_LIMIT -> redirect.addFlashAttribute("codeStatus", "limit");
			case CAPPED_HOUR, CAPPED_DAY -> {
				redirect.addFlashAttribute("codeStatus",
						issue.status() == EmailCodes.IssueStatus.CAPPED_DAY ? "cappedDay" : "cappedHour");
				redirect.addFlashAttribute("retryAt", RetryTimes.format(issue.retryAt()));
			}
		}
	}

}
