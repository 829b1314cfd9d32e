package jp.kennin.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** review_bulk_batch and what bulk approval reads of the review's own tables. */
@Repository
class ReviewBulkRepository {

	private final JdbcClient jdbc;

	ReviewBulkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long openBatch(long tenantId, long campaignId, String actor, int samplePercent, int selected, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into review_bulk_batch (tenant_id, campaign_id, actor, sample_percent, selected, started_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(tenantId, campaignId, actor, samplePercent, selected, Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void closeBatch(long tenantId, long batchId, int approved, int sampled, int skipped, Instant at) {
		jdbc.sql("""
				update review_bulk_batch set approved = ?, sampled = ?, skipped = ?, finished_at = ?
				where tenant_id = ? and id = ?""")
			.params(approved, sampled, skipped, Timestamp.from(at), tenantId, batchId)
			.update();
	}

	/** The batch's row: campaign, actor, start, sample percent and the four counts. */
	record Row(long id, long campaignId, String actor, Instant startedAt, int samplePercent, int selected, int approved,
			int sampled, int skipped) {
	}

	Optional<Row> find(long tenantId, long batchId) {
		return jdbc.sql("select * from review_bulk_batch where tenant_id = ? and id = ?")
			.params(tenantId, batchId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("actor"),
					rs.getTimestamp("started_at").toInstant(), rs.getInt("sample_percent"), rs.getInt("selected"),
					rs.getInt("approved"), rs.getInt("sampled"), rs.getInt("skipped")))
			.optional();
	}

	/**
	 * Documents of the form a reviewer marked 不備 (review_document_check). A document
	 * marked 確認済 is not required yet: the missing-documents count of the form decides
	 * whether every required document is there.
	 */
	int deficientDocuments(long tenantId, long formId) {
		return jdbc.sql(
				"select count(*) from review_document_check where tenant_id = ? and survey_form_id = ? and result = 'DEFICIENT'")
			.params(tenantId, formId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Any decision on the review's dependents, past ones included (undecided rows too).
	 */
	boolean anyDecisionRow(long tenantId, long caseId) {
		return jdbc.sql("select count(*) from review_decision where tenant_id = ? and review_case_id = ?")
			.params(tenantId, caseId)
			.query(Integer.class)
			.single() > 0;
	}

}
