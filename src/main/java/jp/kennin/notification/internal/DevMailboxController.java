package jp.kennin.notification.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import jp.kennin.platform.JapanTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development mailbox: captured mail, newest first. Exists only while mail is captured, never
 * when SMTP is configured.
 */
@Controller
@ConditionalOnExpression(MailTransportConfiguration.CAPTURING)
class DevMailboxController {

	static final String VIEW_LIST = "notification/devMailbox";

	static final String VIEW_MESSAGE = "notification/devMail";

	private final CapturingMailTransport transport;

	DevMailboxController(CapturingMailTransport transport) {
		this.transport = transport;
	}

	@GetMapping("/dev/mail")
	String list(Model model) throws Exception {
		List<MailSummary> mails = new ArrayList<>();
		for (String name : transport.list()) {
			transport.read(name).ifPresent(m -> mails.add(summary(name, m)));
		}
		model.addAttribute("mails", mails);
		return VIEW_LIST;
	}

	@GetMapping("/dev/mail/{name}")
	String show(@PathVariable String name, Model model) throws Exception {
		MimeMessage message = transport.read(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("mail", summary(name, message));
		model.addAttribute("body", message.getContent().toString());
		return VIEW_MESSAGE;
	}

	private static MailSummary summary(String name, MimeMessage m) {
		try {
			return new MailSummary(name, join(m.getFrom()), join(m.getAllRecipients()), m.getSubject(),
					m.getSentDate() == null ? "" : JapanTime.formatDateTime(m.getSentDate().toInstant()));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String join(Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		List<String> out = new ArrayList<>();
		for (Address a : addresses) {
			out.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.toUnicodeString() : a.toString());
		}
		return String.join(", ", out);
	}

	record MailSummary(String name, String from, String to, String subject, String sentAt) {
	}

}
