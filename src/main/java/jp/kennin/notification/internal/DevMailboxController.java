package jp.kennin.notification.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.KenninProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The development mailbox: captured mail, newest first, to anyone who asks. Exists only
 * while mail is captured, which the start-up checks allow in the embedded demo setup only
 * (or when a test asks for it), never when SMTP is configured.
 */
@Controller
@ConditionalOnProperty(name = MailTransportConfiguration.CAPTURING, havingValue = "true")
class DevMailboxController {

	/** How many of the newest captured mails the list shows. */
	static final int LISTED = 200;

	static final String VIEW_LIST = "notification/devMailbox";

	static final String VIEW_MESSAGE = "notification/devMail";

	private static final Logger log = LoggerFactory.getLogger(DevMailboxController.class);

	private final CapturingMailTransport transport;

	private final KenninProperties properties;

	DevMailboxController(CapturingMailTransport transport, KenninProperties properties) {
		this.transport = transport;
		this.properties = properties;
	}

	/** Last at start-up, after the demo logins, so whoever starts it cannot miss it. */
	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		log.warn(
				"DEV MAILBOX ON - Mail is not sent: no SMTP host is set, so every mail is written to {} and shown "
						+ "to anyone at {}/dev/mail, password reset links included. Only for the embedded demo; set "
						+ "SPRING_MAIL_HOST before real use.",
				properties.mail().captureDir().toAbsolutePath().normalize(), properties.baseUrl());
	}

	@GetMapping("/dev/mail")
	String list(Model model) throws Exception {
		List<MailSummary> mails = new ArrayList<>();
		// The newest only: a demo campaign opened over a large roster captures thousands
		// of
		// invitations, and reading every file would make the page take seconds.
		for (String name : transport.list().stream().limit(LISTED).toList()) {
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
