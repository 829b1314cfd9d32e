package jp.kennin.account.web;

import jakarta.servlet.http.HttpSession;

import jp.kennin.account.internal.PasswordAttempts;

import org.springframework.validation.Errors;

/**
 * What a member is told next to the 「現在のパスワード」 field of マイページ when the password was not
 * accepted, shared by the password and the email change.
 */
final class CurrentPasswordMessages {

	/**
	 * Where a member goes whose wrong current password locked the account (their sessions
	 * have ended).
	 */
	static final String LOCKED = "redirect:/login?locked";

	private CurrentPasswordMessages() {
	}

	static void required(String typed, Errors errors) {
		if (typed == null || typed.isEmpty()) {
			errors.rejectValue("currentPassword", "account.mypage.password.currentRequired");
		}
	}

	/**
	 * Puts the refusal next to the field; for the failure that locked the account, ends
	 * this browser's session too and returns {@link #LOCKED} (null otherwise).
	 */
	static String reject(PasswordAttempts.Verdict verdict, Errors errors, HttpSession session) {
		switch (verdict.outcome()) {
			case WRONG -> errors.rejectValue("currentPassword", "account.mypage.password.currentWrong",
					new Object[] { verdict.triesLeft() }, null);
			case WAIT -> errors.rejectValue("currentPassword", "account.mypage.password.currentWait",
					new Object[] { verdict.waitSeconds() }, null);
			case LOCKED -> errors.rejectValue("currentPassword", "account.mypage.password.currentLocked",
					new Object[] { RetryTimes.format(verdict.lockedUntil()) }, null);
			case LOCKED_NOW -> {
				session.invalidate();
				return LOCKED;
			}
			case CORRECT -> {
			}
		}
		return null;
	}

}
