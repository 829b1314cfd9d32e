package jp.kennin.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;

import jp.kennin.retention.RetentionSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insurer's row of {@code retention_setting}. */
@Repository
class RetentionSettingRepository {

	private final JdbcClient jdbc;

	RetentionSettingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RetentionSettings find(long tenantId) {
		return jdbc.sql("select document_years, personal_data_years from retention_setting where tenant_id = ?")
			.param(tenantId)
			.query((rs, n) -> new RetentionSettings(rs.getInt(1), rs.getInt(2)))
			.optional()
			.orElse(RetentionSettings.DEFAULTS);
	}

	void save(long tenantId, RetentionSettings s, Instant now) {
		int updated = jdbc
			.sql("update retention_setting set document_years = ?, personal_data_years = ?, updated_at = ? "
					+ "where tenant_id = ?")
			.params(s.documentYears(), s.personalDataYears(), Timestamp.from(now), tenantId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into retention_setting (tenant_id, document_years, personal_data_years, updated_at) "
					+ "values (?, ?, ?, ?)")
				.params(tenantId, s.documentYears(), s.personalDataYears(), Timestamp.from(now))
				.update();
		}
	}

}
