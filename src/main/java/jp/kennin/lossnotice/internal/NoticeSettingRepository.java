package jp.kennin.lossnotice.internal;

import java.sql.Timestamp;
import java.time.Instant;

import jp.kennin.lossnotice.NoticeSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insurer's row of {@code notice_setting}. */
@Repository
class NoticeSettingRepository {

	private final JdbcClient jdbc;

	NoticeSettingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	NoticeSettings find(long tenantId) {
		return jdbc
			.sql("select insurer_number, insurer_address, annual_cost_yen from notice_setting where tenant_id = ?")
			.param(tenantId)
			.query((rs, n) -> new NoticeSettings(rs.getString(1), rs.getString(2),
					rs.getObject(3) == null ? null : rs.getLong(3)))
			.optional()
			.orElse(NoticeSettings.NONE);
	}

	void save(long tenantId, NoticeSettings s, Instant now) {
		int updated = jdbc.sql(
				"update notice_setting set insurer_number = ?, insurer_address = ?, annual_cost_yen = ?, updated_at = ? "
						+ "where tenant_id = ?")
			.params(s.insurerNumber(), s.insurerAddress(), s.annualCostYen(), Timestamp.from(now), tenantId)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"insert into notice_setting (tenant_id, insurer_number, insurer_address, annual_cost_yen, updated_at) "
							+ "values (?, ?, ?, ?, ?)")
				.params(tenantId, s.insurerNumber(), s.insurerAddress(), s.annualCostYen(), Timestamp.from(now))
				.update();
		}
	}

}
