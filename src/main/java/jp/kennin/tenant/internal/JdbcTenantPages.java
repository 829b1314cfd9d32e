package jp.kennin.tenant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jp.kennin.platform.SafeMarkdown;
import jp.kennin.storage.FileStorage;
import jp.kennin.tenant.TenantPages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcTenantPages implements TenantPages {

	private final JdbcClient jdbc;

	private final FileStorage storage;

	private final Clock clock;

	JdbcTenantPages(JdbcClient jdbc, FileStorage storage, Clock clock) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
	}

	@Override
	public String source(long tenantId, Kind kind) {
		return jdbc.sql("select body from tenant_page where tenant_id = ? and kind = ?")
			.params(tenantId, kind.name())
			.query(String.class)
			.optional()
			.orElse("");
	}

	@Override
	public String html(long tenantId, Kind kind) {
		return SafeMarkdown.toHtml(source(tenantId, kind));
	}

	@Override
	@Transactional
	public void save(long tenantId, Kind kind, String markdown) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update tenant_page set body = ?, updated_at = ? where tenant_id = ? and kind = ?")
			.params(markdown, now, tenantId, kind.name())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into tenant_page (tenant_id, kind, body, updated_at) values (?, ?, ?, ?)")
				.params(tenantId, kind.name(), markdown, now)
				.update();
		}
	}

	@Override
	public List<Attachment> attachments(long tenantId, Kind kind) {
		return jdbc.sql("select * from tenant_file where tenant_id = ? and kind = ? order by id")
			.params(tenantId, kind.name())
			.query(JdbcTenantPages::map)
			.list();
	}

	@Override
	@Transactional
	public Attachment attach(long tenantId, Kind kind, String fileName, long size, InputStream content)
			throws IOException {
		String key = storage.put(content);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into tenant_file (tenant_id, kind, storage_key, file_name, size_bytes, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(tenantId, kind.name(), key, fileName, size, Timestamp.from(clock.instant()))
			.update(keys, "id");
		return attachment(tenantId, keys.getKey().longValue()).orElseThrow();
	}

	@Override
	public Optional<Attachment> attachment(long tenantId, long id) {
		return jdbc.sql("select * from tenant_file where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(JdbcTenantPages::map)
			.optional();
	}

	@Override
	public Optional<InputStream> open(long tenantId, long id) throws IOException {
		Optional<String> key = jdbc.sql("select storage_key from tenant_file where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(String.class)
			.optional();
		return key.isEmpty() ? Optional.empty() : storage.get(key.get());
	}

	@Override
	@Transactional
	public boolean delete(long tenantId, long id) throws IOException {
		Optional<String> key = jdbc.sql("select storage_key from tenant_file where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(String.class)
			.optional();
		if (key.isEmpty()) {
			return false;
		}
		jdbc.sql("delete from tenant_file where tenant_id = ? and id = ?").params(tenantId, id).update();
		storage.delete(key.get());
		return true;
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("tenant_id"), Kind.valueOf(rs.getString("kind")),
				rs.getString("file_name"), rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant());
	}

}
