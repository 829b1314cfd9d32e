package jp.kennin.survey.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyCorrections.ReturnedPart;
import jp.kennin.survey.SurveyQuestion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parts of each return (survey_return_part) and the answers as handed in at each
 * submission (survey_answer_snapshot), always by tenant. Both are append-only.
 */
@Repository
class CorrectionRepository {

	private final JdbcClient jdbc;

	CorrectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addParts(long tenantId, long formId, int returnedCount, List<ReturnedPart> parts, Instant at) {
		for (ReturnedPart p : parts) {
			jdbc.sql("""
					insert into survey_return_part (tenant_id, survey_form_id, returned_count, dependent_id,
					  document_id, created_at) values (?, ?, ?, ?, ?, ?)""")
				.params(tenantId, formId, returnedCount, p.dependentId(), p.documentId(), Timestamp.from(at))
				.update();
		}
	}

	List<ReturnedPart> parts(long tenantId, long formId, int returnedCount) {
		return jdbc.sql("""
				select dependent_id, document_id from survey_return_part
				where tenant_id = ? and survey_form_id = ? and returned_count = ? order by id""")
			.params(tenantId, formId, returnedCount)
			.query((rs, n) -> {
				long dependent = rs.getLong("dependent_id");
				long document = rs.getLong("document_id");
				return new ReturnedPart(dependent, rs.wasNull() ? null : document);
			})
			.list();
	}

	/** Keeps the answers as handed in with submission number {@code submissionNo}. */
	void snapshot(long tenantId, long formId, int submissionNo, Map<Long, DependentAnswers> answers, Instant at) {
		Timestamp taken = Timestamp.from(at);
		answers.values().forEach(a -> {
			for (SurveyQuestion q : SurveyQuestion.values()) {
				String value = raw(q, a.value(q));
				if (value != null) {
					jdbc.sql("""
							insert into survey_answer_snapshot (tenant_id, survey_form_id, submission_no,
							  dependent_id, question_key, answer_value, taken_at) values (?, ?, ?, ?, ?, ?, ?)""")
						.params(tenantId, formId, submissionNo, a.dependentId(), q.key(), value, taken)
						.update();
				}
			}
		});
	}

	/** The answers of one submission by dependent; empty when none was kept. */
	Map<Long, DependentAnswers> snapshotOf(long tenantId, long formId, int submissionNo) {
		Map<Long, Map<SurveyQuestion, Object>> values = new LinkedHashMap<>();
		jdbc.sql("""
				select dependent_id, question_key, answer_value from survey_answer_snapshot
				where tenant_id = ? and survey_form_id = ? and submission_no = ? order by id""")
			.params(tenantId, formId, submissionNo)
			.query((rs, n) -> {
				SurveyQuestion q = question(rs.getString("question_key"));
				if (q != null) {
					values.computeIfAbsent(rs.getLong("dependent_id"), k -> new EnumMap<>(SurveyQuestion.class))
						.put(q, parse(q, rs.getString("answer_value")));
				}
				return q;
			})
			.list();
		Map<Long, DependentAnswers> out = new HashMap<>();
		values.forEach((dependent, v) -> out.put(dependent, DependentAnswers.of(dependent, v, true, 0)));
		return out;
	}

	/**
	 * The value as stored text: enum names (a set sorted and comma-joined), dates in ISO
	 * form, numbers and text as they are; null for no answer.
	 */
	static String raw(SurveyQuestion q, Object value) {
		if (value == null) {
			return null;
		}
		return switch (q.kind()) {
			case CHOICE -> ((Enum<?>) value).name();
			case CHOICES -> {
				String names = ((Set<?>) value).stream()
					.map(e -> ((Enum<?>) e).name())
					.sorted()
					.collect(Collectors.joining(","));
				yield names.isEmpty() ? null : names;
			}
			case HOURS -> ((BigDecimal) value).stripTrailingZeros().toPlainString();
			case FLAG -> Boolean.TRUE.equals(value) ? "true" : null;
			default -> String.valueOf(value);
		};
	}

	private static Object parse(SurveyQuestion q, String raw) {
		if (raw == null) {
			return null;
		}
		return switch (q.kind()) {
			case CHOICE -> choice(q.valueType(), raw);
			case CHOICES ->
				Arrays.stream(raw.split(",")).map(n -> choice(q.valueType(), n)).collect(Collectors.toSet());
			case YEN -> Long.valueOf(raw);
			case DATE -> LocalDate.parse(raw);
			case TEXT -> raw;
			case YES_NO, FLAG -> Boolean.valueOf(raw);
			case HOURS -> new BigDecimal(raw);
			case DAYS -> Integer.valueOf(raw);
		};
	}

	/** A question no longer asked is left out. */
	private static SurveyQuestion question(String key) {
		try {
			return SurveyQuestion.byKey(key);
		}
		catch (IllegalArgumentException gone) {
			return null;
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Enum<?> choice(Class<? extends Enum<?>> type, String name) {
		return Enum.valueOf((Class) type, name);
	}

}
