package jp.kennin.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentChoiceRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	DocumentChoiceRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<DocumentChoice> forForm(long tenantId, long formId) {
		return jdbc.sql("select * from survey_document_choice where tenant_id = ? and survey_form_id = ? order by id")
			.params(tenantId, formId)
			.query(DocumentChoiceRepository::map)
			.list();
	}

	/**
	 * The choices of the given forms (one batch of an export), by form, in the order they
	 * were made.
	 */
	Map<Long, List<DocumentChoice>> forForms(long tenantId, Collection<Long> formIds) {
		Map<Long, List<DocumentChoice>> out = new HashMap<>();
		if (formIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select * from survey_document_choice where tenant_id = :tenant and survey_form_id in (:forms)
				order by id""")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query((rs, n) -> out.computeIfAbsent(rs.getLong("survey_form_id"), k -> new ArrayList<>()).add(map(rs, n)))
			.list();
		return out;
	}

	/**
	 * Inserts or replaces the choice; an input without a choice changes nothing (radios
	 * cannot be cleared).
	 */
	void save(long tenantId, long formId, DocumentChoice.Input input) {
		if (input.kind() == null) {
			return;
		}
		String reason = input.kind() == DocumentChoice.Kind.UNABLE ? reason(input.reason()) : null;
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("""
				update survey_document_choice set choice = ?, reason = ?, updated_at = ?, document_added_at = null
				where tenant_id = ? and survey_form_id = ? and dependent_id = ? and slot = ?""")
			.params(input.kind().name(), reason, now, tenantId, formId, input.dependentId(), input.slot())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into survey_document_choice (tenant_id, survey_form_id, dependent_id, slot, choice, reason,
					  updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
				.params(tenantId, formId, input.dependentId(), input.slot(), input.kind().name(), reason, now)
				.update();
		}
	}

	/** At submission: only the choices for documents still missing stay. */
	void keepOnly(long tenantId, long formId, Collection<String> dependentSlotKeys) {
		for (DocumentChoice c : forForm(tenantId, formId)) {
			if (!dependentSlotKeys.contains(key(c.dependentId(), c.slot()))) {
				jdbc.sql(
						"delete from survey_document_choice where tenant_id = ? and survey_form_id = ? and dependent_id = ? "
								+ "and slot = ?")
					.params(tenantId, formId, c.dependentId(), c.slot())
					.update();
			}
		}
	}

	/** The missing document of a dependent (by roster ID) arrived after submission. */
	void documentAdded(long tenantId, long formId, long rosterPersonId, String slot, Timestamp at) {
		jdbc.sql("""
				update survey_document_choice set document_added_at = ?
				where tenant_id = ? and survey_form_id = ? and slot = ? and document_added_at is null
				  and dependent_id in (select d.id from survey_form_dependent d
				                       where d.survey_form_id = ? and d.roster_person_id = ?)""")
			.params(at, tenantId, formId, slot, formId, rosterPersonId)
			.update();
	}

	static String key(long dependentId, String slot) {
		return dependentId + ":" + slot;
	}

	/**
	 * Text areas send CR LF; a reason is kept with plain line breaks and at most
	 * {@link DocumentChoice#MAX_REASON}. Control characters other than line breaks and
	 * tabs (a NUL, which PostgreSQL cannot store) cannot be typed into a text area; only
	 * a hand-made request carries them, and they are dropped like its excess length.
	 */
	static String reason(String text) {
		if (text == null) {
			return null;
		}
		String clean = text.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
		// The text area's maxlength keeps browsers within the limit; only a hand-made
		// request is cut.
		return clean.length() > DocumentChoice.MAX_REASON ? clean.substring(0, DocumentChoice.MAX_REASON) : clean;
	}

	private static DocumentChoice map(ResultSet rs, int row) throws SQLException {
		Timestamp added = rs.getTimestamp("document_added_at");
		return new DocumentChoice(rs.getLong("dependent_id"), rs.getString("slot"),
				DocumentChoice.Kind.valueOf(rs.getString("choice")), rs.getString("reason"),
				added == null ? null : added.toInstant());
	}

}
