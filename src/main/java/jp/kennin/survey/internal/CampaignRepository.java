package jp.kennin.survey.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.NonResponderRule;
import jp.kennin.survey.ReminderSchedule;
import jp.kennin.survey.TargetRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	CampaignRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Campaign> list(long tenantId) {
		return jdbc.sql("select * from campaign where tenant_id = ? order by opens_at desc, id desc")
			.param(tenantId)
			.query(CampaignRepository::map)
			.list();
	}

	Optional<Campaign> find(long tenantId, long id) {
		return jdbc.sql("select * from campaign where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(CampaignRepository::map)
			.optional();
	}

	/**
	 * Locks the row, so concurrent transitions of one campaign run one after the other.
	 */
	Optional<Campaign> lock(long tenantId, long id) {
		return jdbc.sql("select * from campaign where tenant_id = ? and id = ? for update")
			.params(tenantId, id)
			.query(CampaignRepository::map)
			.optional();
	}

	long insert(long tenantId, CampaignDraft d) {
		Map<String, Object> p = params(d);
		ReminderSchedule reminders = d.reminders() == null ? ReminderSchedule.DEFAULT : d.reminders();
		p.put("reminderDays", reminders.daysText());
		p.put("reminderHour", reminders.hour());
		p.put("tenant", tenantId);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into campaign (tenant_id, title, reference_date, opens_at, deadline, late_submission_allowed,
				  instructions, status, age_on, age_min, age_max, categories, recognized_until, reminder_days,
				  reminder_hour, created_at, updated_at)
				values (:tenant, :title, :reference, :opens, :deadline, :late, :instructions, 'PREPARING', :ageOn,
				  :ageMin, :ageMax, :categories, :recognizedUntil, :reminderDays, :reminderHour, :now, :now)""")
			.params(p)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long tenantId, long id, CampaignDraft d) {
		Map<String, Object> p = params(d);
		p.put("tenant", tenantId);
		p.put("id", id);
		if (d.reminders() != null) {
			jdbc.sql("update campaign set reminder_days = ?, reminder_hour = ? where tenant_id = ? and id = ?")
				.params(d.reminders().daysText(), d.reminders().hour(), tenantId, id)
				.update();
		}
		jdbc.sql(
				"""
						update campaign set title = :title, reference_date = :reference, opens_at = :opens, deadline = :deadline,
						  late_submission_allowed = :late, instructions = :instructions, age_on = :ageOn, age_min = :ageMin,
						  age_max = :ageMax, categories = :categories, recognized_until = :recognizedUntil, updated_at = :now
						where tenant_id = :tenant and id = :id""")
			.params(p)
			.update();
	}

	void changeNonResponderRule(long tenantId, long id, NonResponderRule rule) {
		jdbc.sql("update campaign set non_responder_rule = ?, updated_at = ? where tenant_id = ? and id = ?")
			.params(rule.name(), now(), tenantId, id)
			.update();
	}

	void changeStatus(long tenantId, long id, CampaignStatus status, String timestampColumn) {
		jdbc.sql("update campaign set status = ?, updated_at = ?"
				+ (timestampColumn == null ? "" : ", " + timestampColumn + " = ?") + " where tenant_id = ? and id = ?")
			.params(timestampColumn == null ? List.of(status.name(), now(), tenantId, id)
					: List.of(status.name(), now(), now(), tenantId, id))
			.update();
	}

	void changeDeadline(long tenantId, long id, Instant deadline, boolean late) {
		jdbc.sql(
				"update campaign set deadline = ?, late_submission_allowed = ?, updated_at = ? where tenant_id = ? and id = ?")
			.params(Timestamp.from(deadline), late, now(), tenantId, id)
			.update();
	}

	/**
	 * Open campaigns whose deadline has passed without late submission: the closing job's
	 * work list.
	 */
	List<Campaign> overdue() {
		return jdbc
			.sql("select * from campaign where status = 'OPEN' and late_submission_allowed = false and deadline <= ?")
			.param(now())
			.query(CampaignRepository::map)
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private Map<String, Object> params(CampaignDraft d) {
		Map<String, Object> p = new HashMap<>();
		p.put("title", d.title());
		p.put("reference", Date.valueOf(d.referenceDate()));
		p.put("opens", Timestamp.from(d.opensAt()));
		p.put("deadline", Timestamp.from(d.deadline()));
		p.put("late", d.lateSubmissionAllowed());
		p.put("instructions", d.instructions() == null ? "" : d.instructions());
		p.put("ageOn", date(d.rules().ageOn()));
		p.put("ageMin", d.rules().ageMin());
		p.put("ageMax", d.rules().ageMax());
		p.put("categories", d.rules().categories().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
		p.put("recognizedUntil", date(d.rules().recognizedUntil()));
		p.put("now", now());
		return p;
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	static Campaign map(ResultSet rs, int row) throws SQLException {
		var categories = Arrays.stream(rs.getString("categories").split(","))
			.filter(s -> !s.isBlank())
			.map(RelationshipCategory::valueOf)
			.collect(Collectors.toSet());
		TargetRules rules = new TargetRules(localDate(rs, "age_on"), (Integer) rs.getObject("age_min", Integer.class),
				(Integer) rs.getObject("age_max", Integer.class), categories, localDate(rs, "recognized_until"));
		return new Campaign(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("title"),
				rs.getDate("reference_date").toLocalDate(), rs.getTimestamp("opens_at").toInstant(),
				rs.getTimestamp("deadline").toInstant(), rs.getBoolean("late_submission_allowed"),
				rs.getString("instructions"), CampaignStatus.valueOf(rs.getString("status")), rules,
				ReminderSchedule.of(rs.getString("reminder_days"), rs.getInt("reminder_hour")),
				NonResponderRule.valueOf(rs.getString("non_responder_rule")));
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

}
