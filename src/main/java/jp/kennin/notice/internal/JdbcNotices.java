package jp.kennin.notice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.notice.Notice;
import jp.kennin.notice.Notices;
import jp.kennin.platform.ReadCache;
import jp.kennin.storage.FileStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcNotices implements Notices {

	private static final String PUBLISHED = " (publish_from is null or publish_from <= :now)"
			+ " and (publish_until is null or publish_until > :now)";

	/** The key of the site's notices among the insurers'. */
	private static final Long SITE = 0L;

	private final JdbcClient jdbc;

	private final FileStorage storage;

	private final Clock clock;

	/**
	 * The published notices by insurer ({@link #SITE} for the site's), shown on every
	 * member home page. A notice whose window opens or closes is seen within the cache's
	 * time to live.
	 */
	private final ReadCache<Long, List<Notice>> published;

	JdbcNotices(JdbcClient jdbc, FileStorage storage, Clock clock, @Value(ReadCache.TTL) Duration cacheTtl) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
		this.published = ReadCache.of(cacheTtl, 1000);
	}

	@Override
	public List<Notice> publishedSiteNotices() {
		return published.get(SITE, k -> jdbc
			.sql("select * from notice where tenant_id is null and" + PUBLISHED + " order by notice_date desc, id desc")
			.param("now", Timestamp.from(clock.instant()))
			.query(JdbcNotices::map)
			.list());
	}

	@Override
	public List<Notice> publishedTenantNotices(long tenantId) {
		return published.get(tenantId,
				k -> jdbc
					.sql("select * from notice where tenant_id = :tenant and" + PUBLISHED
							+ " order by notice_date desc, id desc")
					.param("tenant", k)
					.param("now", Timestamp.from(clock.instant()))
					.query(JdbcNotices::map)
					.list());
	}

	@Override
	public Optional<Notice> findPublished(Long tenantId, long id) {
		return find(tenantId, id).filter(n -> n.publishedAt(clock.instant()));
	}

	@Override
	@Transactional
	public long create(Long tenantId, LocalDate date, String title, String body, Instant publishFrom,
			Instant publishUntil) {
		published.invalidate();
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into notice (tenant_id, notice_date, title, body, publish_from, publish_until, created_at, updated_at)
						values (:tenant, :date, :title, :body, :from, :until, :now, :now)""")
			.param("tenant", tenantId, Types.BIGINT)
			.param("date", Date.valueOf(date))
			.param("title", title)
			.param("body", body)
			.param("from", ts(publishFrom), Types.TIMESTAMP)
			.param("until", ts(publishUntil), Types.TIMESTAMP)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Override
	public List<Notice> all(Long scope) {
		return jdbc.sql("select * from notice where " + scope(scope) + " order by notice_date desc, id desc")
			.params(scopeParams(scope))
			.query(JdbcNotices::map)
			.list();
	}

	@Override
	public Optional<Notice> find(Long scope, long id) {
		return jdbc.sql("select * from notice where id = :id and " + scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.query(JdbcNotices::map)
			.optional();
	}

	@Override
	@Transactional
	public boolean update(Long scope, long id, LocalDate date, String title, String body, Instant publishFrom,
			Instant publishUntil) {
		published.invalidate();
		return jdbc
			.sql("update notice set notice_date = :date, title = :title, body = :body, publish_from = :from, "
					+ "publish_until = :until, updated_at = :now where id = :id and " + scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.param("date", Date.valueOf(date))
			.param("title", title)
			.param("body", body)
			.param("from", ts(publishFrom), Types.TIMESTAMP)
			.param("until", ts(publishUntil), Types.TIMESTAMP)
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	@Override
	@Transactional
	public boolean delete(Long scope, long id) throws IOException {
		published.invalidate();
		String key = key(scope, id);
		boolean deleted = jdbc.sql("delete from notice where id = :id and " + scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.update() == 1;
		if (deleted && key != null) {
			storage.delete(key);
		}
		return deleted;
	}

	@Override
	@Transactional
	public void attach(Long scope, long id, String fileName, long size, InputStream content) throws IOException {
		published.invalidate();
		String old = key(scope, id);
		String key = storage.put(content);
		jdbc.sql(
				"update notice set attachment_key = :key, attachment_name = :name, attachment_size = :size where id = :id and "
						+ scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.param("key", key)
			.param("name", fileName)
			.param("size", size)
			.update();
		if (old != null) {
			storage.delete(old);
		}
	}

	@Override
	@Transactional
	public void removeAttachment(Long scope, long id) throws IOException {
		published.invalidate();
		String old = key(scope, id);
		jdbc.sql(
				"update notice set attachment_key = null, attachment_name = null, attachment_size = null where id = :id and "
						+ scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.update();
		if (old != null) {
			storage.delete(old);
		}
	}

	@Override
	public Optional<InputStream> openAttachment(Long scope, long id) throws IOException {
		String key = key(scope, id);
		return key == null ? Optional.empty() : storage.get(key);
	}

	@Override
	public Optional<Attachment> openPublishedAttachment(long id, Reader reader) throws IOException {
		Optional<Notice> notice = jdbc.sql("select * from notice where id = :id")
			.param("id", id)
			.query(JdbcNotices::map)
			.optional()
			.filter(n -> n.publishedAt(clock.instant()) && n.attachmentName() != null && reader.maySee(n.tenantId()));
		if (notice.isEmpty()) {
			return Optional.empty();
		}
		Notice n = notice.get();
		Optional<InputStream> content = openAttachment(n.tenantId(), id);
		return content
			.map(in -> new Attachment(n.attachmentName(), n.attachmentSize() == null ? 0 : n.attachmentSize(), in));
	}

	private String key(Long scope, long id) {
		return jdbc.sql("select attachment_key from notice where id = :id and " + scope(scope))
			.params(scopeParams(scope))
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String scope(Long scope) {
		return scope == null ? "tenant_id is null" : "tenant_id = :scope";
	}

	private static Map<String, Object> scopeParams(Long scope) {
		return scope == null ? Map.of() : Map.of("scope", scope);
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Notice map(ResultSet rs, int row) throws SQLException {
		Timestamp from = rs.getTimestamp("publish_from");
		Timestamp until = rs.getTimestamp("publish_until");
		Object tenant = rs.getObject("tenant_id");
		return new Notice(rs.getLong("id"), tenant == null ? null : rs.getLong("tenant_id"),
				rs.getDate("notice_date").toLocalDate(), rs.getString("title"), rs.getString("body"),
				from == null ? null : from.toInstant(), until == null ? null : until.toInstant(),
				rs.getString("attachment_name"), (Long) rs.getObject("attachment_size", Long.class));
	}

}
