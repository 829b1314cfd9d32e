package jp.kennin.notice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kennin.notice.Notice;
import jp.kennin.notice.Notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcNotices implements Notices {

	private static final String PUBLISHED = " (publish_from is null or publish_from <= :now)"
			+ " and (publish_until is null or publish_until > :now)";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcNotices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Notice> publishedSiteNotices() {
		return jdbc.sql("select * from notice where tenant_id is null and" + PUBLISHED + " order by notice_date desc, id desc")
			.param("now", Timestamp.from(clock.instant()))
			.query(JdbcNotices::map)
			.list();
	}

	@Override
	public List<Notice> publishedTenantNotices(long tenantId) {
		return jdbc.sql("select * from notice where tenant_id = :tenant and" + PUBLISHED
				+ " order by notice_date desc, id desc")
			.param("tenant", tenantId)
			.param("now", Timestamp.from(clock.instant()))
			.query(JdbcNotices::map)
			.list();
	}

	@Override
	public Optional<Notice> findPublished(Long tenantId, long id) {
		String scope = tenantId == null ? "tenant_id is null" : "tenant_id = :tenant";
		JdbcClient.StatementSpec spec = jdbc.sql("select * from notice where id = :id and " + scope + " and" + PUBLISHED)
			.param("id", id)
			.param("now", Timestamp.from(clock.instant()));
		if (tenantId != null) {
			spec = spec.param("tenant", tenantId);
		}
		return spec.query(JdbcNotices::map).optional();
	}

	@Override
	@Transactional
	public long create(Long tenantId, LocalDate date, String title, String body, Instant publishFrom,
			Instant publishUntil) {
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notice (tenant_id, notice_date, title, body, publish_from, publish_until, created_at, updated_at)
				values (:tenant, :date, :title, :body, :from, :until, :now, :now)""")
			.param("tenant", tenantId)
			.param("date", java.sql.Date.valueOf(date))
			.param("title", title)
			.param("body", body)
			.param("from", publishFrom == null ? null : Timestamp.from(publishFrom))
			.param("until", publishUntil == null ? null : Timestamp.from(publishUntil))
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static Notice map(ResultSet rs, int row) throws SQLException {
		Timestamp from = rs.getTimestamp("publish_from");
		Timestamp until = rs.getTimestamp("publish_until");
		Object tenant = rs.getObject("tenant_id");
		return new Notice(rs.getLong("id"), tenant == null ? null : rs.getLong("tenant_id"),
				rs.getDate("notice_date").toLocalDate(), rs.getString("title"), rs.getString("body"),
				from == null ? null : from.toInstant(), until == null ? null : until.toInstant());
	}

}
