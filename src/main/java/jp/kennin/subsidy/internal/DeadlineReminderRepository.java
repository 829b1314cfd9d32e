package jp.kennin.subsidy.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminder before the claim window closes: which insurers' deadlines are near and not
 * yet reminded, the runs that record it, and the members with claims not sent.
 */
@Repository
class DeadlineReminderRepository {

	private final JdbcClient jdbc;

	DeadlineReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A fiscal year of an insurer whose claim window ends on {@code claimTo}. */
	record Due(long tenantId, int fiscalYear, LocalDate claimTo) {
	}

	/** A member with claims of the year not sent. */
	record Unsent(long memberAccountId, String kigo, String bango, int claims) {
	}

	/**
	 * The years whose last claim day is from {@code today} to {@code lastDay} and that
	 * have no reminder for that day yet.
	 */
	List<Due> due(LocalDate today, LocalDate lastDay) {
		return jdbc.sql("""
				select r.tenant_id, r.fiscal_year, r.claim_to from subsidy_rules r
				where r.claim_to >= ? and r.claim_to <= ?
				  and not exists (select 1 from subsidy_deadline_reminder_run x where x.tenant_id = r.tenant_id
				    and x.fiscal_year = r.fiscal_year and x.claim_to = r.claim_to)
				order by r.tenant_id, r.fiscal_year""")
			.params(Date.valueOf(today), Date.valueOf(lastDay))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate()))
			.list();
	}

	/**
	 * Records the run with how many members it mails, so that a second node or a restart
	 * finds it (the primary key refuses a second row in a concurrent transaction).
	 * @return false when the reminder for this deadline has run
	 */
	boolean start(Due due, Instant now, int mails) {
		boolean ran = jdbc.sql("""
				select count(*) from subsidy_deadline_reminder_run
				where tenant_id = ? and fiscal_year = ? and claim_to = ?""")
			.params(due.tenantId(), due.fiscalYear(), Date.valueOf(due.claimTo()))
			.query(Integer.class)
			.single() > 0;
		if (ran) {
			return false;
		}
		jdbc.sql("""
				insert into subsidy_deadline_reminder_run (tenant_id, fiscal_year, claim_to, ran_at, mails)
				values (?, ?, ?, ?, ?)""")
			.params(due.tenantId(), due.fiscalYear(), Date.valueOf(due.claimTo()), Timestamp.from(now), mails)
			.update();
		return true;
	}

	/** The members with a draft or a returned claim of the year, by 記号・番号. */
	List<Unsent> unsent(long tenantId, int fiscalYear) {
		return jdbc.sql("""
				select member_account_id, kigo, bango, count(*) from subsidy_claim
				where tenant_id = ? and fiscal_year = ? and status in ('DRAFT', 'RETURNED')
				group by member_account_id, kigo, bango
				order by kigo, bango, member_account_id""")
			.params(tenantId, fiscalYear)
			.query((rs, n) -> new Unsent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

}
