package jp.kennin.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Addresses of a tenant that an SMTP server refused permanently (a 5xx reply to the
 * recipient), until a later mail to them goes through. Only the synchronous SMTP reply
 * counts; bounce mails that arrive later are not read.
 */
public interface MailBounces {

	/** When and with what reply an address was refused. */
	record Bounce(String address, Instant bouncedAt, String smtpReply) {
	}

	boolean isBouncing(long tenantId, String address);

	/**
	 * The bouncing ones among {@code addresses}, keyed by the address as given (compared
	 * without regard to case).
	 */
	Map<String, Bounce> bouncing(long tenantId, Collection<String> addresses);

}
