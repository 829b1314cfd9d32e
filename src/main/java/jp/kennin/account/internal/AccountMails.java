package jp.kennin.account.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.KenninProperties;
import jp.kennin.tenant.Tenant;

import org.springframework.stereotype.Component;

/**
 * The member mails, from the tenant's sender address and name. Texts are plain-text
 * templates under {@code account/mail/} (first line: subject); every mail ends with the
 * tenant's support desk.
 */
@Component
public class AccountMails {

	public enum Template {

		SIGNUP_CODE, EMAIL_CHANGE_CODE, EMAIL_CHANGED_OLD, EMAIL_CHANGED_NEW, PASSWORD_RESET_LINK, PASSWORD_CHANGED,
		PASSWORD_RESET_DONE, USER_ID_REMINDER, SIGNUP_GUIDANCE, SURVEY_RECEIPT, SURVEY_WITHDRAWN, SURVEY_RETURNED,
		// --- invite ---
		CAMPAIGN_INVITATION, CAMPAIGN_SIGNUP_GUIDE,
		// --- reminders ---
		CAMPAIGN_REMINDER, CAMPAIGN_SIGNUP_REMINDER,
		// --- results ---
		REMOVAL_SCHEDULED,
		// --- claimreview ---
		SUBSIDY_APPROVED, SUBSIDY_RETURNED, SUBSIDY_REJECTED,
		// --- memberclaims ---
		SUBSIDY_RECEIVED, SUBSIDY_PAID,
		// --- deadline reminder ---
		SUBSIDY_DEADLINE;

		String resource() {
			return "/account/mail/" + name().toLowerCase().replace('_', '-') + ".txt";
		}

	}

	private final Mailer mailer;

	private final KenninProperties properties;

	AccountMails(Mailer mailer, KenninProperties properties) {
		this.mailer = mailer;
		this.properties = properties;
	}

	/**
	 * Queues the mail in the current transaction. Values replace {@code {key}} in the
	 * template.
	 */
	public void send(Tenant tenant, String to, Template template, Map<String, String> values) {
		mailer.enqueue(compose(tenant, to, template, values));
	}

	/**
	 * Queues a code mail: not sent after {@code notAfter} (the code's expiry), and
	 * replacing the unsent mail queued earlier with the same {@code key}.
	 */
	public void sendCode(Tenant tenant, String to, Template template, Map<String, String> values, Instant notAfter,
			String key) {
		mailer.enqueue(compose(tenant, to, template, values).notAfter(notAfter).supersedes(key));
	}

	/**
	 * The mail without queuing it, for callers that queue many in one batch.
	 */
	OutgoingMail compose(Tenant tenant, String to, Template template, Map<String, String> values) {
		return compose(tenant, to, read(template), values);
	}

	/**
	 * As {@link #compose(Tenant, String, Template, Map)} with a template already read.
	 */
	OutgoingMail compose(Tenant tenant, String to, String template, Map<String, String> values) {
		String text = render(template, tenant, values);
		int newline = text.indexOf('\n');
		String subject = text.substring(0, newline).strip();
		String body = text.substring(newline + 1).stripLeading() + footer(tenant);
		return new OutgoingMail(tenant.id(), tenant.mailFromAddress(), tenant.mailFromName(), to, subject, body);
	}

	private String render(String template, Tenant tenant, Map<String, String> values) {
		String text = template;
		for (Map.Entry<String, String> e : values.entrySet()) {
			text = text.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
		}
		return text.replace("{tenant}", tenant.name())
			.replace("{tenantCode}", tenant.code())
			.replace("{baseUrl}", properties.baseUrl());
	}

	static String footer(Tenant tenant) {
		StringBuilder footer = new StringBuilder("\n\n――――――――――――――――――――\n");
		footer.append(tenant.name()).append("\n");
		Tenant.SupportDesk desk = tenant.supportDesk();
		footer.append("お問い合わせ窓口\n");
		appendIf(footer, "", desk.name());
		appendIf(footer, "電話：", desk.phone());
		appendIf(footer, "受付時間：", desk.hours());
		appendIf(footer, "メール：", desk.email());
		appendIf(footer, "", desk.url());
		if (!desk.isEmpty()) {
			footer.append("お問い合わせの際は、記号・番号をお伝えください。\n");
		}
		footer.append("※このメールは送信専用アドレスから送信しています。心当たりのない場合は、お問い合わせ窓口へご連絡ください。\n");
		return footer.toString();
	}

	private static void appendIf(StringBuilder out, String label, String value) {
		if (value != null && !value.isBlank()) {
			out.append(label).append(value).append("\n");
		}
	}

	static String read(Template template) {
		try (InputStream in = AccountMails.class.getResourceAsStream(template.resource())) {
			if (in == null) {
				throw new IllegalStateException("missing mail template " + template.resource());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
