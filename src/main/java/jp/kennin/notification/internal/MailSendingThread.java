package jp.kennin.notification.internal;

import java.time.Duration;

import jp.kennin.platform.KenninProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox dispatcher every {@code kennin.mail.poll-interval} (and the renewal of
 * its claims every third of {@code kennin.mail.claim-lease}) on threads of their own
 * instead of the scheduler the other jobs share: an SMTP server that accepts a connection
 * and then hangs (up to the SMTP timeouts in application.yml) holds up mail only, never
 * the housekeeping, campaign closing or session clean-up. Not a bean of type
 * TaskScheduler on purpose: one would replace Boot's shared scheduler and task executor.
 */
@Component
@ConditionalOnProperty(name = "kennin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class MailSendingThread implements SmartLifecycle {

	/** Name prefix of the thread that sends mail. */
	static final String THREAD_PREFIX = "mail-sender-";

	private final OutboxDispatcher dispatcher;

	private final Duration interval;

	private volatile ThreadPoolTaskScheduler scheduler;

	MailSendingThread(OutboxDispatcher dispatcher, KenninProperties properties) {
		this.dispatcher = dispatcher;
		this.interval = properties.mail().pollInterval();
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ThreadPoolTaskScheduler s = new ThreadPoolTaskScheduler();
		// One thread sends; the other renews this node's claims while the first waits on
		// a slow server, so they are not taken (and sent again) by another node.
		s.setPoolSize(2);
		s.setThreadNamePrefix(THREAD_PREFIX);
		// On shutdown let a mail being sent finish (up to about one read timeout), so it
		// is
		// marked sent before the database goes away instead of being sent again later.
		s.setWaitForTasksToCompleteOnShutdown(true);
		s.setAwaitTerminationSeconds(35);
		s.setDaemon(true);
		s.initialize();
		s.scheduleWithFixedDelay(this.dispatcher::dispatch, this.interval);
		s.scheduleWithFixedDelay(this.dispatcher::renewClaims, this.dispatcher.lease().dividedBy(3));
		this.scheduler = s;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
