package jp.kennin.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
	 * Any decision on the review's dependents, past ones included (undecided rows too).
	 */
	boolean anyDecisionRow(long tenantId, long caseId) {
		return jdbc.sql("select count(*) from review_decision where tenant_id = ? and review_case_id = ?")
			.params(tenantId, caseId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The current check of each checked document of the given forms: form → document →
	 * CONFIRMED or DEFICIENT (one review per form).
	 */
	Map<Long, Map<Long, String>> documentChecks(long tenantId, Collection<Long> formIds) {
		Map<Long, Map<Long, String>> out = new HashMap<>();
		jdbc.sql("""
				select survey_form_id, document_id, result from review_document_check
				where tenant_id = :tenant and survey_form_id in (:forms)""")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query((rs, n) -> out.computeIfAbsent(rs.getLong("survey_form_id"), k -> new HashMap<>())
				.put(rs.getLong("document_id"), rs.getString("result")))
			.list();
		return out;
	}

	/** The forms among these whose review has any decision row (past ones included). */
	Set<Long> formsWithDecisions(long tenantId, Collection<Long> formIds) {
		return new HashSet<>(jdbc.sql("""
				select distinct c.survey_form_id from review_case c join review_decision d on d.review_case_id = c.id
				where c.tenant_id = :tenant and d.tenant_id = :tenant and c.survey_form_id in (:forms)""")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query(Long.class)
			.list());
	}

	/** The dependents with a blind income entry, by form. */
	Map<Long, Set<Long>> incomeEntries(long tenantId, Collection<Long> formIds) {
		Map<Long, Set<Long>> out = new HashMap<>();
		jdbc.sql("""
				select c.survey_form_id, e.dependent_id from review_case c
				join review_income_entry e on e.review_case_id = c.id
				where c.tenant_id = :tenant and e.tenant_id = :tenant and c.survey_form_id in (:forms)""")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query((rs, n) -> out.computeIfAbsent(rs.getLong("survey_form_id"), k -> new HashSet<>())
				.add(rs.getLong("dependent_id")))
			.list();
		return out;
	}

}
