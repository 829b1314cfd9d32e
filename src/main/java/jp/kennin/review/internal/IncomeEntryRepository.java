package jp.kennin.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.review.BlindIncomes;
import jp.kennin.survey.DependentAnswers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blind income entries (review_income_entry), always by tenant. */
@Repository
class IncomeEntryRepository {

	private final JdbcClient jdbc;

	IncomeEntryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One saved entry as stored. */
	record Entry(long dependentId, long enteredYen, long memberYen, int toleranceYen, String enteredBy,
			Instant enteredAt) {

		/**
		 * Off by more than the tolerance from the member's figure (the current one, if
		 * the member changed it after a 差し戻し).
		 */
		boolean mismatch(Long memberFigure) {
			long member = memberFigure != null ? memberFigure : memberYen;
			return Math.abs(enteredYen - member) > toleranceYen;
		}

	}

	Map<Long, Entry> entries(long tenantId, long caseId) {
		Map<Long, Entry> out = new LinkedHashMap<>();
		jdbc.sql("select * from review_income_entry where tenant_id = ? and review_case_id = ?")
			.params(tenantId, caseId)
			.query((rs, n) -> out.put(rs.getLong("dependent_id"),
					new Entry(rs.getLong("dependent_id"), rs.getLong("entered_yen"), rs.getLong("member_yen"),
							rs.getInt("tolerance_yen"), rs.getString("entered_by"),
							rs.getTimestamp("entered_at").toInstant())))
			.list();
		return out;
	}

	/** Whether the dependent carries the 「収入の不一致」 flag. */
	boolean mismatch(long tenantId, long caseId, long dependentId, DependentAnswers answers) {
		Entry e = entries(tenantId, caseId).get(dependentId);
		return e != null && e.mismatch(BlindIncomes.memberFigure(answers));
	}

	void add(long tenantId, long caseId, long dependentId, long enteredYen, long memberYen, int toleranceYen, String by,
			Instant at) {
		jdbc.sql("""
				insert into review_income_entry (tenant_id, review_case_id, dependent_id, entered_yen, member_yen,
				  tolerance_yen, entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, caseId, dependentId, enteredYen, memberYen, toleranceYen, by, Timestamp.from(at))
			.update();
	}

}
