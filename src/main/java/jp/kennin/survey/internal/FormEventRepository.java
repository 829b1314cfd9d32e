package jp.kennin.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of each survey form (table survey_form_event). */
@Repository
class FormEventRepository {

	static final String MEMBER = "MEMBER";

	private final JdbcClient jdbc;

	FormEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long tenantId, long formId, FormEvent.Kind kind, String receiptNumber, Long documentId,
			Long subjectPersonId, String slot, Instant at) {
		add(tenantId, formId, kind, receiptNumber, documentId, subjectPersonId, slot, MEMBER, at);
	}

	/** A step taken by staff (actor kind {@code STAFF}) or the member. */
	void add(long tenantId, long formId, FormEvent.Kind kind, String receiptNumber, Long documentId,
			Long subjectPersonId, String slot, String actorKind, Instant at) {
		jdbc.sql("""
				insert into survey_form_event (tenant_id, survey_form_id, kind, receipt_number, document_id,
				  subject_person_id, slot, actor_kind, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, formId, kind.name(), receiptNumber, documentId, subjectPersonId, slot, actorKind,
					Timestamp.from(at))
			.update();
	}

	List<FormEvent> forForm(long tenantId, long formId) {
		return jdbc.sql("select * from survey_form_event where tenant_id = ? and survey_form_id = ? order by id")
			.params(tenantId, formId)
			.query(FormEventRepository::map)
			.list();
	}

	int submissions(long tenantId, long formId) {
		return jdbc
			.sql("select count(*) from survey_form_event where tenant_id = ? and survey_form_id = ? and kind = ?")
			.params(tenantId, formId, FormEvent.Kind.SUBMITTED.name())
			.query(Integer.class)
			.single();
	}

	/**
	 * Documents uploaded since the latest submission, by document ID, with the time: what
	 * 「提出後に追加」 marks while the form is submitted.
	 */
	static Map<Long, Instant> addedSinceSubmission(List<FormEvent> history) {
		Map<Long, Instant> added = new LinkedHashMap<>();
		for (FormEvent e : history) {
			if (e.kind() == FormEvent.Kind.SUBMITTED || e.kind() == FormEvent.Kind.WITHDRAWN) {
				added.clear();
			}
			else if (e.kind() == FormEvent.Kind.DOCUMENT_ADDED && e.documentId() != null) {
				added.put(e.documentId(), e.at());
			}
		}
		return added;
	}

	private static FormEvent map(ResultSet rs, int row) throws SQLException {
		long document = rs.getLong("document_id");
		Long documentId = rs.wasNull() ? null : document;
		long subject = rs.getLong("subject_person_id");
		Long subjectId = rs.wasNull() ? null : subject;
		return new FormEvent(rs.getLong("id"), FormEvent.Kind.valueOf(rs.getString("kind")),
				rs.getString("receipt_number"), documentId, subjectId, rs.getString("slot"), rs.getString("actor_kind"),
				rs.getTimestamp("occurred_at").toInstant());
	}

}
