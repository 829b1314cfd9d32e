package jp.kennin.notification.internal;

import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send says about whom: the server (unreachable, timed out, refused our
 * login: every mail would fail), the recipient's address (a permanent 5xx reply to it:
 * the address bounces), or this one mail (a temporary 4xx, anything else).
 */
record SendFailure(Kind kind, String reply) {

	enum Kind {

		/** The server could not be reached or did not answer: retry when it is back. */
		SERVER,
		/** Refused for good (5xx) for this recipient: the address bounces. */
		ADDRESS_REFUSED,
		/** Refused for good (5xx) for another reason than the address. */
		REFUSED,
		/** This mail failed (temporary reply or unknown cause): retry with backoff. */
		MAIL

	}

	static SendFailure of(Exception failure) {
		SendFailure found = null;
		boolean io = false;
		for (Throwable t : causes(failure)) {
			if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
				return new SendFailure(Kind.ADDRESS_REFUSED, reply(a.getReturnCode(), a.getMessage()));
			}
			if (t instanceof SMTPSendFailedException s && !(t instanceof SMTPSenderFailedException)
					&& s.getReturnCode() >= 500 && found == null) {
				found = new SendFailure(Kind.REFUSED, reply(s.getReturnCode(), s.getMessage()));
			}
			if (t instanceof IOException || t instanceof MailAuthenticationException
					|| t instanceof AuthenticationFailedException) {
				io = true;
			}
		}
		if (found != null) {
			return found;
		}
		return new SendFailure(io ? Kind.SERVER : Kind.MAIL, failure.toString());
	}

	private static String reply(int code, String message) {
		String text = message == null ? "" : message.strip();
		return text.startsWith(String.valueOf(code)) ? text : code + " " + text;
	}

	/**
	 * The exception, its causes, Jakarta Mail's chained exceptions and Spring's
	 * per-message failures.
	 */
	private static Iterable<Throwable> causes(Exception failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable t = todo.poll();
			if (t == null || seen.put(t, true) != null) {
				continue;
			}
			if (t.getCause() != null) {
				todo.add(t.getCause());
			}
			if (t instanceof MessagingException m && m.getNextException() != null) {
				todo.add(m.getNextException());
			}
			if (t instanceof MailSendException s) {
				todo.addAll(s.getFailedMessages().values());
			}
		}
		return seen.keySet();
	}

}
