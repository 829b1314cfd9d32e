package jp.kennin.tenant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.ReadCache;
import jp.kennin.platform.SafeMarkdown;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.TenantAuditEvent;
import jp.kennin.storage.FileStorage;
import jp.kennin.tenant.TenantPages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcTenantPages implements TenantPages {

	private final JdbcClient jdbc;

	private final FileStorage storage;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Which pages an insurer has written, by insurer: the member header and footer link
	 * them on every page.
	 */
	private final ReadCache<Long, Set<Kind>> writtenKinds;

	JdbcTenantPages(JdbcClient jdbc, FileStorage storage, AuditLog audit, Clock clock,
			@Value(ReadCache.TTL) Duration cacheTtl) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.audit = audit;
		this.clock = clock;
		this.writtenKinds = ReadCache.of(cacheTtl, 1000);
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
	public Set<Kind> written(long tenantId) {
		return writtenKinds.get(tenantId, k -> {
			List<String> kinds = jdbc.sql("""
					select kind from tenant_page where tenant_id = :tenant and body <> ''
					union select kind from tenant_file where tenant_id = :tenant""")
				.param("tenant", k)
				.query(String.class)
				.list();
			Set<Kind> written = EnumSet.noneOf(Kind.class);
			kinds.forEach(kind -> written.add(Kind.valueOf(kind)));
			return Collections.unmodifiableSet(written);
		});
	}

	@Override
	@Transactional
	public void save(StaffActor editor, long tenantId, Kind kind, String markdown, String ip) {
		writtenKinds.invalidate();
		allow(editor, tenantId);
		write(tenantId, kind, markdown);
		record(TenantAuditEvent.TENANT_PAGE_UPDATED, editor, tenantId, ip, Map.of("kind", kind.name()));
	}

	private void write(long tenantId, Kind kind, String markdown) {
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
	@Transactional
	public boolean writeIfEmpty(long tenantId, Kind kind, String markdown, String reason) {
		writtenKinds.invalidate();
		if (!source(tenantId, kind).isBlank()) {
			return false;
		}
		write(tenantId, kind, markdown);
		audit.record(new AuditLog.Event(TenantAuditEvent.TENANT_PAGE_UPDATED.name(), tenantId, "SYSTEM", reason, null,
				"tenant:" + tenantId, null, Map.of("kind", kind.name())));
		return true;
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
	public Attachment attach(StaffActor editor, long tenantId, Kind kind, String fileName, long size,
			InputStream content, String ip) throws IOException {
		writtenKinds.invalidate();
		allow(editor, tenantId);
		String key = storage.put(content);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into tenant_file (tenant_id, kind, storage_key, file_name, size_bytes, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(tenantId, kind.name(), key, fileName, size, Timestamp.from(clock.instant()))
			.update(keys, "id");
		Attachment added = attachment(tenantId, keys.getKey().longValue()).orElseThrow();
		record(TenantAuditEvent.TENANT_FILE_ADDED, editor, tenantId, ip, Map.of("kind", kind.name(), "file", fileName));
		return added;
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
	public Optional<Attachment> delete(StaffActor editor, long tenantId, long id, String ip) throws IOException {
		writtenKinds.invalidate();
		allow(editor, tenantId);
		Optional<Attachment> file = attachment(tenantId, id);
		Optional<String> key = jdbc.sql("select storage_key from tenant_file where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(String.class)
			.optional();
		if (file.isEmpty() || key.isEmpty()) {
			return Optional.empty();
		}
		jdbc.sql("delete from tenant_file where tenant_id = ? and id = ?").params(tenantId, id).update();
		record(TenantAuditEvent.TENANT_FILE_DELETED, editor, tenantId, ip,
				Map.of("kind", file.get().kind().name(), "file", file.get().fileName()));
		storage.delete(key.get());
		return file;
	}

	private static void allow(StaffActor editor, long tenantId) {
		TenantPages.requireEditor(editor, tenantId);
	}

	private void record(TenantAuditEvent type, StaffActor editor, long tenantId, String ip,
			Map<String, String> details) {
		audit.record(new AuditLog.Event(type.name(), tenantId, StaffActor.KIND, editor.loginId(), editor.role(),
				"tenant:" + tenantId, ip, details));
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("tenant_id"), Kind.valueOf(rs.getString("kind")),
				rs.getString("file_name"), rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant());
	}

}
