package jp.kennin.survey.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;
import jp.kennin.survey.DependentAnswers;

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

	/** All answers in a campaign, by dependent. */
	Map<Long, DependentAnswers> forCampaign(long tenantId, long campaignId) {
		return jdbc.sql("""
				select a.* from survey_answer a join survey_form f on f.id = a.survey_form_id
				where a.tenant_id = ? and f.campaign_id = ?""")
			.params(tenantId, campaignId)
			.query(AnswerRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(DependentAnswers::dependentId, a -> a));
	}

	/**
	 * Saves the answers if nobody saved since {@code answers.version()} was read.
	 * @return the new version, or empty when the stored version moved on (another tab or device saved in
	 * between)
	 */
	java.util.OptionalInt save(long tenantId, long formId, DependentAnswers a) {
		return write(tenantId, formId, a) ? java.util.OptionalInt.of(a.version() + 1) : java.util.OptionalInt.empty();
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
				jdbc.sql("""
					insert into survey_answer (tenant_id, survey_form_id, dependent_id, continuation, removal_date,
					  removal_reason, removal_note, living, address, remittance_monthly, remittance_method, occupations,
					  occupation_note, school_name, school_grade, income_salary, income_pension, income_business,
					  income_unemployment, income_other, residence, abroad_exception, abroad_note, disabled, roster_wrong,
					  roster_correction, completed, version, updated_at)
					values (:tenant, :form, :dependent, :continuation, :removalDate, :removalReason, :removalNote, :living,
					  :address, :remittance, :method, :occupations, :occupationNote, :school, :grade, :salary, :pension,
					  :business, :unemployment, :other, :residence, :abroadException, :abroadNote, :disabled, :rosterWrong,
					  :rosterCorrection, :completed, 1, :now)""")
					.params(p)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				// Another tab created the row between our check and our insert.
				return false;
			}
			return true;
		}
		return jdbc.sql("""
				update survey_answer set continuation = :continuation, removal_date = :removalDate,
				  removal_reason = :removalReason, removal_note = :removalNote, living = :living, address = :address,
				  remittance_monthly = :remittance, remittance_method = :method, occupations = :occupations,
				  occupation_note = :occupationNote, school_name = :school, school_grade = :grade,
				  income_salary = :salary, income_pension = :pension, income_business = :business,
				  income_unemployment = :unemployment, income_other = :other, residence = :residence,
				  abroad_exception = :abroadException, abroad_note = :abroadNote, disabled = :disabled,
				  roster_wrong = :rosterWrong, roster_correction = :rosterCorrection, completed = :completed,
				  version = version + 1, updated_at = :now
				where tenant_id = :tenant and survey_form_id = :form and dependent_id = :dependent and version = :version""")
			.params(p)
			.param("version", a.version())
			.update() == 1;
	}

	private static Map<String, Object> params(DependentAnswers a) {
		Map<String, Object> p = new HashMap<>();
		p.put("dependent", a.dependentId());
		p.put("continuation", name(a.continuation()));
		p.put("removalDate", a.removalDate() == null ? null : Date.valueOf(a.removalDate()));
		p.put("removalReason", name(a.removalReason()));
		p.put("removalNote", a.removalNote());
		p.put("living", name(a.living()));
		p.put("address", a.address());
		p.put("remittance", a.remittanceMonthly());
		p.put("method", name(a.remittanceMethod()));
		p.put("occupations", a.occupations().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
		p.put("occupationNote", a.occupationNote());
		p.put("school", a.schoolName());
		p.put("grade", a.schoolGrade());
		p.put("salary", a.incomeSalary());
		p.put("pension", a.incomePension());
		p.put("business", a.incomeBusiness());
		p.put("unemployment", a.incomeUnemployment());
		p.put("other", a.incomeOther());
		p.put("residence", name(a.residence()));
		p.put("abroadException", name(a.abroadException()));
		p.put("abroadNote", a.abroadNote());
		p.put("disabled", a.disabled());
		p.put("rosterWrong", a.rosterWrong());
		p.put("rosterCorrection", a.rosterCorrection());
		p.put("completed", a.completed());
		return p;
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	static DependentAnswers map(ResultSet rs, int row) throws SQLException {
		String occ = rs.getString("occupations");
		Set<Occupation> occupations = occ == null || occ.isBlank() ? Set.of()
				: Arrays.stream(occ.split(",")).map(Occupation::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Occupation.class)));
		Date removal = rs.getDate("removal_date");
		return new DependentAnswers(rs.getLong("dependent_id"), value(Continuation.class, rs.getString("continuation")),
				removal == null ? null : removal.toLocalDate(),
				value(DependentAnswers.RemovalReason.class, rs.getString("removal_reason")), rs.getString("removal_note"),
				value(Living.class, rs.getString("living")), rs.getString("address"),
				(Long) rs.getObject("remittance_monthly", Long.class),
				value(RemittanceMethod.class, rs.getString("remittance_method")), occupations,
				rs.getString("occupation_note"), rs.getString("school_name"), rs.getString("school_grade"),
				(Long) rs.getObject("income_salary", Long.class), (Long) rs.getObject("income_pension", Long.class),
				(Long) rs.getObject("income_business", Long.class), (Long) rs.getObject("income_unemployment", Long.class),
				(Long) rs.getObject("income_other", Long.class),
				value(DependentAnswers.Residence.class, rs.getString("residence")),
				value(AbroadException.class, rs.getString("abroad_exception")), rs.getString("abroad_note"),
				(Boolean) rs.getObject("disabled", Boolean.class), rs.getBoolean("roster_wrong"),
				rs.getString("roster_correction"), rs.getBoolean("completed"), rs.getInt("version"));
	}


}
