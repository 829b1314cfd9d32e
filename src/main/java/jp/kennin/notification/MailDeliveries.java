package jp.kennin.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a queued mail stands, for pages that tell the member whether it has gone out.
 */
public interface MailDeliveries {

	/** The outbox states of a mail. */
	enum State {

		/** Waiting to be sent (or sent again after a failure). */
		PENDING,
		/** Handed to the SMTP server. */
		SENT,
		/** Given up after the last retry, or refused permanently (5xx). */
		FAILED,
		/** Not sent by its {@code notAfter}. */
		EXPIRED,
		/** Replaced by a newer mail with the same key before it was sent. */
		SUPERSEDED

	}

	/**
	 * A mail as the outbox holds it.
	 */
	record Delivery(long outboxId, State state, int attempts, Instant queuedAt) {

		/** How long a mail may wait before a page calls it delayed. */
		public static final Duration NORMAL_WAIT = Duration.ofSeconds(30);

		/**
		 * Not sent although an attempt failed or it has waited longer than a send
		 * normally takes.
		 */
		public boolean delayed(Instant now) {
			return state == State.PENDING && (attempts > 0 || queuedAt.plus(NORMAL_WAIT).isBefore(now));
		}

		/** Will not be sent any more (failed or expired). */
		public boolean undeliverable() {
			return state == State.FAILED || state == State.EXPIRED;
		}

	}

	/**
	 * The newest mail a tenant queued with {@code supersedeKey} (see
	 * {@link OutgoingMail#supersedes}).
	 */
	Optional<Delivery> latest(long tenantId, String supersedeKey);

}
