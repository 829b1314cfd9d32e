package jp.kennin.document.internal;

import java.sql.Timestamp;
import java.time.Clock;

import jp.kennin.document.DocumentSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcDocumentSettings implements DocumentSettings {

	private static final long MIN_BYTES = 1024L * 1024;

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcDocumentSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public long maxFileBytes(long tenantId) {
		return jdbc.sql("select max_file_bytes from document_settings where tenant_id = ?")
			.param(tenantId)
			.query(Long.class)
			.optional()
			.orElse(DEFAULT_MAX_FILE_BYTES);
	}

	@Override
	@Transactional
	public void setMaxFileBytes(long tenantId, long bytes) {
		if (bytes < MIN_BYTES || bytes > MAX_CONFIGURABLE_BYTES) {
			throw new IllegalArgumentException(
					"max file size must be between 1 MB and " + MAX_CONFIGURABLE_BYTES / MIN_BYTES + " MB");
		}
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update document_settings set max_file_bytes = ?, updated_at = ? where tenant_id = ?")
			.params(bytes, now, tenantId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into document_settings (tenant_id, max_file_bytes, updated_at) values (?, ?, ?)")
				.params(tenantId, bytes, now)
				.update();
		}
	}

}
