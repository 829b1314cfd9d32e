package jp.kennin.notification;

/**
 * Mails per minute a tenant's mail goes out at, counted across all nodes, so a large
 * insurer's campaign does not flood its SMTP relay. 0 means unlimited. Who may change it
 * is the tenant settings' rule; this only stores it.
 */
public interface MailThrottles {

	/** The highest value accepted. */
	int MAX_PER_MINUTE = 100_000;

	/** The tenant's setting, or {@code kennin.mail.default-per-minute} without one. */
	int perMinute(long tenantId);

	/**
	 * Stores the setting in the caller's transaction.
	 * @throws IllegalArgumentException outside 0 to {@link #MAX_PER_MINUTE}
	 */
	void setPerMinute(long tenantId, int perMinute);

}
