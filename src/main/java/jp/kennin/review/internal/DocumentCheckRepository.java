package jp.kennin.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.review.DocumentCheck;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * review_document_check: the current 確認済 or 不備 of each document of a review, always by
 * tenant. Earlier checks stay in review_event.
 */
@Repository
class DocumentCheckRepository {

	private final JdbcClient jdbc;

	DocumentCheckRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored check. */
	record Row(long documentId, DocumentCheck.Result result, String reason, String note, String checkedBy,
			Instant checkedAt) {
	}

	Map<Long, Row> checks(long tenantId, long caseId) {
		Map<Long, Row> out = new LinkedHashMap<>();
		jdbc.sql("""
				select document_id, result, reason, note, checked_by, checked_at from review_document_check
				where tenant_id = ? and review_case_id = ?""")
			.params(tenantId, caseId)
			.query((rs, n) -> out.put(rs.getLong("document_id"),
					new Row(rs.getLong("document_id"), DocumentCheck.Result.valueOf(rs.getString("result")),
							rs.getString("reason"), rs.getString("note"), rs.getString("checked_by"),
							rs.getTimestamp("checked_at").toInstant())))
			.list();
		return out;
	}

	/** Sets the document's current check, replacing an earlier one. */
	void save(long tenantId, long caseId, long formId, long documentId, DocumentCheck check, String by, Instant at) {
		Object[] values = { check.result().name(), check.reason(), check.note(), by, Timestamp.from(at), tenantId,
				caseId, documentId };
		int updated = jdbc.sql("""
				update review_document_check set result = ?, reason = ?, note = ?, checked_by = ?, checked_at = ?
				where tenant_id = ? and review_case_id = ? and document_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into review_document_check (result, reason, note, checked_by, checked_at, tenant_id,
					  review_case_id, document_id, survey_form_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(values[0], values[1], values[2], values[3], values[4], tenantId, caseId, documentId, formId)
				.update();
		}
	}

}
