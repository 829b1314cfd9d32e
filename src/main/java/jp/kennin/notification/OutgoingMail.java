package jp.kennin.notification;

import org.springframework.util.Assert;

/**
 * A plain-text mail. {@code tenantId} is null for mail not sent on behalf of an insurer.
 */
public record OutgoingMail(Long tenantId, String fromAddress, String fromName, String to, String subject, String body) {

	public OutgoingMail {
		Assert.hasText(fromAddress, "fromAddress must not be empty!");
		Assert.hasText(to, "to must not be empty!");
		Assert.hasText(subject, "subject must not be empty!");
		Assert.notNull(body, "body must not be null!");
	}

}
