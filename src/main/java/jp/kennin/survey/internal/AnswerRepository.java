package jp.kennin.survey.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyQuestion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AnswerRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	AnswerRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Map<Long, DependentAnswers> forForm(long tenantId, long formId) {
		return jdbc.sql("select * from survey_answer where tenant_id = ? and survey_form_id = ?")
			.params(tenantId, formId)
			.query(AnswerRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(DependentAnswers::dependentId, a -> a));
	}

	/** The answers of the given forms (one batch of an export), by dependent. */
	Map<Long, DependentAnswers> forForms(long tenantId, Collection<Long> formIds) {
		if (formIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from survey_answer where tenant_id = :tenant and survey_form_id in (:forms)")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query(AnswerRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(DependentAnswers::dependentId, a -> a));
	}

	/**
	 * Saves the answers if nobody saved since {@code answers.version()} was read.
	 * @return the new version, or empty when the stored version moved on (another tab or
	 * device saved in between)
	 */
	OptionalInt save(long tenantId, long formId, DependentAnswers a) {
		return write(tenantId, formId, a) ? OptionalInt.of(a.version() + 1) : OptionalInt.empty();
	}

	private boolean write(long tenantId, long formId, DependentAnswers a) {
		Map<String, Object> p = params(a);
		p.put("tenant", tenantId);
		p.put("form", formId);
		p.put("now", Timestamp.from(clock.instant()));
		if (a.version() == 0) {
			int exists = jdbc.sql("select count(*) from survey_answer where dependent_id = ?")
				.param(a.dependentId())
				.query(Integer.class)
				.single();
			if (exists > 0) {
				return false;
			}
			try {
				jdbc.sql(INSERT).params(p).update();
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				// Another tab created the row between our check and our insert.
				return false;
			}
			return true;
		}
		return jdbc.sql(UPDATE).params(p).param("version", a.version()).update() == 1;
	}

	/** Every question's column, named after the question's key as the parameter. */
	private static final String INSERT = "insert into survey_answer (tenant_id, survey_form_id, dependent_id, "
			+ Arrays.stream(SurveyQuestion.values()).map(SurveyQuestion::column).collect(Collectors.joining(", "))
			+ ", completed, version, updated_at) values (:tenant, :form, :dependent, "
			+ Arrays.stream(SurveyQuestion.values()).map(q -> ":" + q.key()).collect(Collectors.joining(", "))
			+ ", :completed, 1, :now)";

	private static final String UPDATE = "update survey_answer set "
			+ Arrays.stream(SurveyQuestion.values())
				.map(q -> q.column() + " = :" + q.key())
				.collect(Collectors.joining(", "))
			+ ", completed = :completed, version = version + 1, updated_at = :now"
			+ " where tenant_id = :tenant and survey_form_id = :form and dependent_id = :dependent and version = :version";

	private static Map<String, Object> params(DependentAnswers a) {
		Map<String, Object> p = new HashMap<>();
		p.put("dependent", a.dependentId());
		for (SurveyQuestion q : SurveyQuestion.values()) {
			p.put(q.key(), toColumn(q, a.value(q)));
		}
		p.put("completed", a.completed());
		return p;
	}

	private static Object toColumn(SurveyQuestion q, Object value) {
		if (value == null) {
			return null;
		}
		return switch (q.kind()) {
			case CHOICE -> ((Enum<?>) value).name();
			case CHOICES ->
				((Set<?>) value).stream().map(e -> ((Enum<?>) e).name()).sorted().collect(Collectors.joining(","));
			case DATE -> Date.valueOf((LocalDate) value);
			default -> value; // Long, String, Boolean, BigDecimal, Integer as they are
		};
	}

	private static Object fromColumn(SurveyQuestion q, ResultSet rs) throws SQLException {
		String column = q.column();
		return switch (q.kind()) {
			case CHOICE -> choice(q.valueType(), rs.getString(column));
			case CHOICES -> {
				String names = rs.getString(column);
				yield names == null || names.isBlank() ? Set.of()
						: Arrays.stream(names.split(","))
							.map(n -> choice(q.valueType(), n))
							.collect(Collectors.toSet());
			}
			case DATE -> {
				Date date = rs.getDate(column);
				yield date == null ? null : date.toLocalDate();
			}
			case YEN -> rs.getObject(column, Long.class);
			case TEXT -> rs.getString(column);
			case YES_NO, FLAG -> rs.getObject(column, Boolean.class);
			case HOURS -> {
				BigDecimal hours = rs.getBigDecimal(column);
				yield hours == null ? null : hours.stripTrailingZeros();
			}
			case DAYS -> rs.getObject(column, Integer.class);
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Enum<?> choice(Class<? extends Enum<?>> type, String name) {
		return name == null ? null : Enum.valueOf((Class) type, name);
	}

	static DependentAnswers map(ResultSet rs, int row) throws SQLException {
		Map<SurveyQuestion, Object> values = new EnumMap<>(SurveyQuestion.class);
		for (SurveyQuestion q : SurveyQuestion.values()) {
			values.put(q, fromColumn(q, rs));
		}
		return DependentAnswers.of(rs.getLong("dependent_id"), values, rs.getBoolean("completed"),
				rs.getInt("version"));
	}

}
