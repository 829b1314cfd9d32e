package jp.kennin.notification.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.platform.KenninProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox mail. Every node runs it: each claims a few due mails at a time with a
 * short lease (renewed while the node lives, see {@link #renewClaims}) and marks each
 * mail sent right after the SMTP server took it, so no cluster-wide lock is held and a
 * dead node's mails are taken by another within the lease. Without a transport (no SMTP
 * host and capture off) mail stays in the outbox until one is configured.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final MailOutbox outbox;

	private final JdbcMailBounces bounces;

	private final JdbcMailThrottles throttles;

	private final Optional<MailTransport> transport;

	private final Clock clock;

	private final int maxAttempts;

	private final int batchSize;

	private final Duration lease;

	private final Duration probeInterval;

	private final String node;

	private volatile boolean heldWarned;

	private volatile Instant lastProbe = Instant.EPOCH;

	@Autowired
	OutboxDispatcher(MailOutbox outbox, JdbcMailBounces bounces, JdbcMailThrottles throttles,
			Optional<MailTransport> transport, KenninProperties properties, Clock clock) {
		this(outbox, bounces, throttles, transport, properties, clock, defaultNode());
	}

	OutboxDispatcher(MailOutbox outbox, JdbcMailBounces bounces, JdbcMailThrottles throttles,
			Optional<MailTransport> transport, KenninProperties properties, Clock clock, String node) {
		this.outbox = outbox;
		this.bounces = bounces;
		this.throttles = throttles;
		this.transport = transport;
		this.clock = clock;
		this.maxAttempts = properties.mail().maxAttempts();
		this.batchSize = properties.mail().batchSize();
		this.lease = properties.mail().claimLease();
		this.probeInterval = properties.mail().probeInterval();
		this.node = node;
	}

	private static String defaultNode() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "node";
		}
		String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() > 80 ? id.substring(id.length() - 80) : id;
	}

	String node() {
		return node;
	}

	Duration lease() {
		return lease;
	}

	/** Called by MailSendingThread on a thread of its own. */
	void dispatch() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next run tries again.
			log.warn("Outbox run failed: {}", ex.toString());
		}
	}

	/**
	 * Keeps this node's claims alive while it is sending (a slow server may take longer
	 * than the lease for one mail); when the node dies, renewals stop and the lease runs
	 * out.
	 */
	void renewClaims() {
		try {
			outbox.renew(node, lease);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox claims not renewed: {}", ex.toString());
		}
	}

	/** Sends what is due now; returns how many mails were sent. */
	int dispatchDue() {
		if (transport.isEmpty()) {
			if (!heldWarned) {
				heldWarned = true;
				log.warn("Mail is not sent: no SMTP host is set and kennin.mail.capture is off; mail waits in the "
						+ "outbox until SPRING_MAIL_HOST is set.");
			}
			return 0;
		}
		outbox.expireOverdue();
		Run run = new Run();
		while (true) {
			Budgets budgets = budgets();
			List<OutboxMail> claimed = outbox.claim(node, batchSize, lease, budgets.exhausted());
			if (claimed.isEmpty()) {
				if (run.sent == 0 && probe(run)) {
					// The server is back: what waited for it is due now.
					continue;
				}
				return run.sent;
			}
			if (!run.sendAll(claimed, budgets)) {
				return run.sent;
			}
			if (claimed.size() < batchSize && !run.takeWoken()) {
				return run.sent;
			}
		}
	}

	/**
	 * What each tenant may still send this minute: its limit minus what all nodes sent in
	 * the last minute and what other nodes hold right now.
	 */
	private Budgets budgets() {
		return new Budgets(throttles, throttles.settings(), outbox.recentPerTenant(node));
	}

	/**
	 * Nothing was due: if mails wait because the server was down, one of them is tried
	 * now and then, so they go out as soon as the server is back even when no new mail
	 * comes to prove it.
	 */
	private boolean probe(Run run) {
		Instant now = clock.instant();
		if (now.isBefore(lastProbe.plus(probeInterval)) || !outbox.anyServerFailure()) {
			return false;
		}
		lastProbe = now;
		boolean sent = false;
		for (OutboxMail mail : outbox.claimProbe(node, lease)) {
			sent |= run.probe(mail);
		}
		return sent;
	}

	/** One dispatcher run's sending. */
	private final class Run {

		private int sent;

		private boolean woken;

		/**
		 * Sends the claimed mails in order; false if the server failed, and the rest of
		 * the batch was given back untried.
		 */
		boolean sendAll(List<OutboxMail> claimed, Budgets budgets) {
			List<Long> giveBack = new ArrayList<>();
			boolean serverUp = true;
			for (OutboxMail mail : claimed) {
				if (!serverUp || !budgets.allows(mail.tenantId())) {
					giveBack.add(mail.id());
					continue;
				}
				if (send(mail, false)) {
					budgets.spend(mail.tenantId());
				}
				else {
					serverUp = !lastWasServerFailure;
				}
			}
			outbox.release(node, giveBack);
			return serverUp && giveBack.isEmpty();
		}

		boolean probe(OutboxMail mail) {
			return send(mail, true);
		}

		/** Whether mails were woken since the last call. */
		boolean takeWoken() {
			boolean w = this.wokenSome;
			this.wokenSome = false;
			return w;
		}

		private boolean wokenSome;

		private boolean lastWasServerFailure;

		private boolean send(OutboxMail mail, boolean probe) {
			lastWasServerFailure = false;
			try {
				transport.get().send(mail);
			}
			catch (Exception ex) {
				failed(mail, ex, probe);
				return false;
			}
			// Marked at once, so a node that dies now has sent at most this one mail
			// without recording it (docs/reliability.md).
			outbox.markSent(mail.id());
			sent++;
			if (mail.tenantId() != null) {
				bounces.delivered(mail.tenantId(), mail.to());
			}
			if (!woken) {
				woken = true;
				int due = outbox.wakeServerFailures();
				if (due > 0) {
					wokenSome = true;
					log.info("Mail server is back: {} mails that waited for it are due now", due);
				}
			}
			return true;
		}

		private void failed(OutboxMail mail, Exception ex, boolean probe) {
			SendFailure failure = SendFailure.of(ex);
			// The address is personal data: log the outbox ID only.
			log.warn("Mail {} not sent (attempt {}, {}): {}", mail.id(), mail.attempts() + 1, failure.kind(),
					ex.toString());
			switch (failure.kind()) {
				case SERVER -> {
					lastWasServerFailure = true;
					if (probe) {
						outbox.markProbeFailed(mail, failure.reply());
					}
					else {
						outbox.markFailed(mail, failure.reply(), maxAttempts, true);
					}
				}
				case ADDRESS_REFUSED -> {
					outbox.markRefused(mail, failure.reply());
					if (mail.tenantId() != null) {
						bounces.bounced(mail.tenantId(), mail.to(), failure.reply(), mail.id());
					}
				}
				case REFUSED -> outbox.markRefused(mail, failure.reply());
				case MAIL -> outbox.markFailed(mail, failure.reply(), maxAttempts, false);
			}
		}

	}

	/** The throttle's count for one run, per tenant. */
	private static final class Budgets {

		private final JdbcMailThrottles throttles;

		private final Map<Long, Integer> settings;

		private final Map<Long, Integer> used;

		Budgets(JdbcMailThrottles throttles, Map<Long, Integer> settings, Map<Long, Integer> used) {
			this.throttles = throttles;
			this.settings = settings;
			this.used = new HashMap<>(used);
		}

		/** Tenants that have used up this minute. */
		Set<Long> exhausted() {
			Set<Long> out = new HashSet<>();
			used.keySet().forEach(t -> {
				if (!allows(t)) {
					out.add(t);
				}
			});
			return out;
		}

		boolean allows(Long tenant) {
			if (tenant == null) {
				return true;
			}
			int limit = throttles.limit(settings, tenant);
			return limit == 0 || used.getOrDefault(tenant, 0) < limit;
		}

		void spend(Long tenant) {
			if (tenant != null) {
				used.merge(tenant, 1, Integer::sum);
			}
		}

	}

}
