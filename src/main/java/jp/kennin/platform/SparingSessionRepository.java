package jp.kennin.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC's repository, writing a session back only when a request changed
 * it. The library writes the session row (and opens a transaction for it) at the end of
 * every request, because every request moves the last-access time; here that time is
 * written at most once per {@code accessWriteInterval} (a tenth of the session's timeout
 * if that is shorter), so a member paging through the survey costs one read of the
 * session per page, not a read and a write (issue 17, docs/benchmarks.md). Attribute
 * changes, a new id, a new timeout and new sessions are written at once, as before.
 *
 * <p>
 * The price: a session may expire up to one interval earlier than its exact idle time (30
 * minutes idle, written at most a minute apart, so after 29 to 30 minutes), and
 * {@link Session#getLastAccessedTime()} is the last time written, not the previous
 * request's. The session is still read from the database on every request, so a session
 * ended on another node (log-out, account disabled) is gone on the next request here. The
 * same trade-off as Jetty's {@code savePeriod} and spring-session#3329.
 */
public final class SparingSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<SparingSessionRepository.Sparing<S>> {

	private final FindByIndexNameSessionRepository<S> jdbc;

	private final Duration accessWriteInterval;

	private SparingSessionRepository(FindByIndexNameSessionRepository<S> jdbc, Duration accessWriteInterval) {
		this.jdbc = jdbc;
		this.accessWriteInterval = accessWriteInterval;
	}

	/**
	 * Over Spring Session JDBC's repository (whose session type is not public, hence the
	 * factory).
	 */
	public static <S extends Session> SparingSessionRepository<S> over(FindByIndexNameSessionRepository<S> jdbc,
			Duration accessWriteInterval) {
		return new SparingSessionRepository<>(jdbc, accessWriteInterval);
	}

	@Override
	public Sparing<S> createSession() {
		return new Sparing<>(this.jdbc.createSession(), true, this.accessWriteInterval);
	}

	@Override
	public void save(Sparing<S> session) {
		if (session.changed) {
			this.jdbc.save(session.stored);
			session.changed = false;
		}
	}

	@Override
	public Sparing<S> findById(String id) {
		S stored = this.jdbc.findById(id);
		return (stored != null) ? new Sparing<>(stored, false, this.accessWriteInterval) : null;
	}

	@Override
	public void deleteById(String id) {
		this.jdbc.deleteById(id);
	}

	@Override
	public Map<String, Sparing<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Sparing<S>> found = new LinkedHashMap<>();
		this.jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, stored) -> found.put(id, new Sparing<>(stored, false, this.accessWriteInterval)));
		return found;
	}

	/** A stored session that knows whether a request changed anything worth writing. */
	public static final class Sparing<S extends Session> implements Session {

		private final S stored;

		private final Duration accessWriteInterval;

		private boolean changed;

		private Sparing(S stored, boolean isNew, Duration accessWriteInterval) {
			this.stored = stored;
			this.changed = isNew;
			this.accessWriteInterval = accessWriteInterval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.stored.getLastAccessedTime(), lastAccessedTime).compareTo(writeInterval()) >= 0) {
				this.stored.setLastAccessedTime(lastAccessedTime);
				this.changed = true;
			}
		}

		/**
		 * The configured interval, or a tenth of this session's timeout if shorter, so a
		 * short timeout is never overrun by more than a tenth.
		 */
		Duration writeInterval() {
			Duration maxInactive = this.stored.getMaxInactiveInterval();
			if (!maxInactive.isNegative() && !maxInactive.isZero()
					&& maxInactive.dividedBy(10).compareTo(this.accessWriteInterval) < 0) {
				return maxInactive.dividedBy(10);
			}
			return this.accessWriteInterval;
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			if (attributeValue == null) {
				removeAttribute(attributeName);
				return;
			}
			this.stored.setAttribute(attributeName, attributeValue);
			this.changed = true;
		}

		@Override
		public void removeAttribute(String attributeName) {
			// The names, not the value: reading the value would deserialise it.
			if (this.stored.getAttributeNames().contains(attributeName)) {
				this.stored.removeAttribute(attributeName);
				this.changed = true;
			}
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.stored.changeSessionId();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
			this.changed = true;
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
