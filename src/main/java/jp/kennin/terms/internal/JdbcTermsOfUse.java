package jp.kennin.terms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jp.kennin.platform.ReadCache;
import jp.kennin.terms.TermsOfUse;
import jp.kennin.terms.TermsVersion;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcTermsOfUse implements TermsOfUse {

	private final JdbcClient jdbc;

	private final Clock clock;

	/**
	 * The current version, read by the terms gate on every member request and published a
	 * few times a year.
	 */
	private final ReadCache<Boolean, TermsVersion> current;

	JdbcTermsOfUse(JdbcClient jdbc, Clock clock, @Value(ReadCache.TTL) Duration cacheTtl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.current = ReadCache.of(cacheTtl, 1);
	}

	@Override
	public TermsVersion current() {
		return current.get(Boolean.TRUE,
				k -> jdbc.sql("select * from terms_version order by version desc fetch first 1 rows only")
					.query(JdbcTermsOfUse::map)
					.optional()
					.orElseThrow(() -> new IllegalStateException("no terms of use published")));
	}

	@Override
	public Optional<TermsVersion> find(int version) {
		return jdbc.sql("select * from terms_version where version = ?")
			.param(version)
			.query(JdbcTermsOfUse::map)
			.optional();
	}

	@Override
	public List<TermsVersion> versions() {
		return jdbc.sql("select * from terms_version order by version desc").query(JdbcTermsOfUse::map).list();
	}

	@Override
	@Transactional
	public TermsVersion publish(String title, String body, String publishedBy) {
		if (title == null || title.isBlank() || body == null || body.isBlank()) {
			throw new IllegalArgumentException("title and body must not be empty");
		}
		// The primary key makes a concurrent second publish of the same number fail
		// instead of overwriting.
		current.invalidate();
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from terms_version").query(Integer.class).single();
		jdbc.sql("insert into terms_version (version, title, body, published_at, published_by) values (?, ?, ?, ?, ?)")
			.params(next, title.strip(), body.strip(), Timestamp.from(clock.instant()), publishedBy)
			.update();
		return find(next).orElseThrow();
	}

	private static TermsVersion map(ResultSet rs, int row) throws SQLException {
		return new TermsVersion(rs.getInt("version"), rs.getString("title"), rs.getString("body"),
				rs.getTimestamp("published_at").toInstant());
	}

}
