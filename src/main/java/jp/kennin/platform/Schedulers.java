package jp.kennin.platform;

/**
 * Names of the task schedulers jobs run on. Scheduled jobs run on the general scheduler;
 * mail sending has one of its own, so an SMTP server that hangs cannot stop housekeeping,
 * campaign closing or session clean-up (see SchedulingConfiguration).
 */
public final class Schedulers {

	/** For {@code @Scheduled(scheduler = Schedulers.MAIL)}: the mail outbox only. */
	public static final String MAIL = "mailScheduler";

	/** Thread name prefix of the mail scheduler. */
	public static final String MAIL_THREAD_PREFIX = "mail-";

	/** Thread name prefix of the general scheduler. */
	public static final String JOBS_THREAD_PREFIX = "jobs-";

	private Schedulers() {
	}

}
