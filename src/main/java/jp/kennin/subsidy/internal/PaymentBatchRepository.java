package jp.kennin.subsidy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kennin.subsidy.SubsidyPayments.Batch;
import jp.kennin.subsidy.SubsidyPayments.BatchClaim;
import jp.kennin.subsidy.SubsidyPayments.BatchStatus;
import jp.kennin.subsidy.SubsidyPayments.FileFormat;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code subsidy_payment_batch}, {@code subsidy_payment_file},
 * {@code subsidy_cutoff_run} and {@code subsidy_transfer_source}, and the batch columns
 * of {@code subsidy_claim}. Every statement is scoped by the tenant; the writes are
 * guarded by status (and version), so a locked batch takes no claim and a stale change
 * changes nothing.
 */
@Repository
class PaymentBatchRepository {

	private static final String BATCH_COLUMNS = """
			id, fiscal_year, route, cut_off, status, claim_count, total_yen, created_at, created_by, exported_at,
			exported_by, paid_on, paid_by, transfer_date, version""";

	/** Approved claims of a year in no batch and not held. */
	private static final String WAITING = """
			tenant_id = :tenant and fiscal_year = :year and status = 'APPROVED'
			  and batch_id is null and payment_held_at is null""";

	/** The same, decided before a moment (the end of a cut-off day). */
	private static final String WAITING_BEFORE = WAITING + " and decided_at < :before";

	private final JdbcClient jdbc;

	PaymentBatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A household of a bank-transfer batch with its account (null fields without one).
	 */
	record Payee(long memberAccountId, String kigo, String bango, String insuredName, long amountYen, String bankCode,
			String bankName, String branchCode, String branchName, String accountType, String accountNumber,
			String holderKana) {

		boolean hasAccount() {
			return bankCode != null;
		}

	}

	/** Count and sum of the claims waiting for a batch. */
	record Waiting(int count, long totalYen) {
	}

	/** An insurer's fiscal year with claims waiting for a batch. */
	record WaitingYear(long tenantId, int fiscalYear) {
	}

	/** A batch just formed and how many claims it took (0: roll it back). */
	record Formed(long batchId, int claims) {
	}

	List<Batch> batches(long tenantId, int fiscalYear) {
		return jdbc
			.sql("select " + BATCH_COLUMNS
					+ " from subsidy_payment_batch where tenant_id = ? and fiscal_year = ? order by id desc")
			.params(tenantId, fiscalYear)
			.query((rs, n) -> batch(rs))
			.list();
	}

	Optional<Batch> find(long tenantId, long id) {
		return jdbc.sql("select " + BATCH_COLUMNS + " from subsidy_payment_batch where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query((rs, n) -> batch(rs))
			.optional();
	}

	/** The fiscal years with batches or claims, newest first. */
	List<Integer> years(long tenantId) {
		return jdbc.sql("""
				select fiscal_year from subsidy_claim where tenant_id = :tenant
				union select fiscal_year from subsidy_payment_batch where tenant_id = :tenant
				order by 1 desc""").param("tenant", tenantId).query(Integer.class).list();
	}

	Waiting waiting(long tenantId, int fiscalYear, Instant decidedBefore) {
		var sql = jdbc
			.sql("select count(*), coalesce(sum(amount_yen), 0) from subsidy_claim where " + waiting(decidedBefore))
			.param("tenant", tenantId)
			.param("year", fiscalYear);
		if (decidedBefore != null) {
			sql = sql.param("before", Timestamp.from(decidedBefore));
		}
		return sql.query((rs, n) -> new Waiting(rs.getInt(1), rs.getLong(2))).single();
	}

	/** Tenants and fiscal years with approved claims in no batch, for the cut-off job. */
	List<WaitingYear> waitingYears() {
		return jdbc.sql("""
				select distinct tenant_id, fiscal_year from subsidy_claim
				where status = 'APPROVED' and batch_id is null and payment_held_at is null
				order by tenant_id, fiscal_year""")
			.query((rs, n) -> new WaitingYear(rs.getLong(1), rs.getInt(2)))
			.list();
	}

	/**
	 * Forms a batch of the waiting claims (decided before {@code decidedBefore}, or all);
	 * its count and total are those of the claims it took.
	 * @return the batch and its count, which may be 0 (the caller then rolls back)
	 */
	Formed create(long tenantId, int fiscalYear, PaymentRoute route, LocalDate cutOff, Instant decidedBefore, String by,
			Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into subsidy_payment_batch (tenant_id, fiscal_year, route, cut_off, status, claim_count, total_yen,
						  created_at, created_by) values (?, ?, ?, ?, 'OPEN', 0, 0, ?, ?)""")
			.params(tenantId, fiscalYear, route.name(), Date.valueOf(cutOff), Timestamp.from(now), by)
			.update(key, "id");
		long id = key.getKey().longValue();
		var take = jdbc.sql("update subsidy_claim set batch_id = :batch where " + waiting(decidedBefore))
			.param("batch", id)
			.param("tenant", tenantId)
			.param("year", fiscalYear);
		if (decidedBefore != null) {
			take = take.param("before", Timestamp.from(decidedBefore));
		}
		int taken = take.update();
		recount(tenantId, id);
		return new Formed(id, taken);
	}

	/** An open batch's count and total become those of the claims in it. */
	void recount(long tenantId, long batchId) {
		jdbc.sql(
				"""
						update subsidy_payment_batch set
						  claim_count = (select count(*) from subsidy_claim c where c.tenant_id = :tenant and c.batch_id = :batch),
						  total_yen = (select coalesce(sum(c.amount_yen), 0) from subsidy_claim c
						    where c.tenant_id = :tenant and c.batch_id = :batch)
						where tenant_id = :tenant and id = :batch and status = 'OPEN'""")
			.param("tenant", tenantId)
			.param("batch", batchId)
			.update();
	}

	/** Removes a batch that took no claim (another node's cut-off was quicker). */
	void deleteEmpty(long tenantId, long batchId) {
		jdbc.sql("delete from subsidy_payment_batch where tenant_id = ? and id = ? and claim_count = 0")
			.params(tenantId, batchId)
			.update();
	}

	/** The claims of a batch by office, household and person. */
	List<BatchClaim> claims(long tenantId, long batchId) {
		return jdbc
			.sql("""
					select c.id, c.receipt_number, c.kigo, c.bango, ins.office_code, ins.office_name, ins.name as insured_name,
					  p.name as person_name, c.amount_yen
					from subsidy_claim c
					join roster_person p on p.id = c.person_id and p.tenant_id = c.tenant_id
					left join roster_person ins on ins.tenant_id = c.tenant_id and ins.kigo = c.kigo and ins.bango = c.bango
					  and ins.edaban = '00'
					where c.tenant_id = ? and c.batch_id = ?
					order by ins.office_code, c.kigo, c.bango, p.edaban, c.id""")
			.params(tenantId, batchId)
			.query((rs, n) -> new BatchClaim(rs.getLong("id"), rs.getString("receipt_number"), rs.getString("kigo"),
					rs.getString("bango"), rs.getString("office_code"), rs.getString("office_name"),
					rs.getString("insured_name"), rs.getString("person_name"), rs.getInt("amount_yen")))
			.list();
	}

	/** The households of a batch with their payee account, by 記号・番号. */
	List<Payee> payees(long tenantId, long batchId) {
		return jdbc.sql("""
				select c.member_account_id, c.kigo, c.bango, max(ins.name) as insured_name, sum(c.amount_yen) as amount,
				  max(a.bank_code) as bank_code, max(a.bank_name) as bank_name, max(a.branch_code) as branch_code,
				  max(a.branch_name) as branch_name, max(a.account_type) as account_type,
				  max(a.account_number) as account_number, max(a.holder_kana) as holder_kana
				from subsidy_claim c
				left join roster_person ins on ins.tenant_id = c.tenant_id and ins.kigo = c.kigo and ins.bango = c.bango
				  and ins.edaban = '00'
				left join subsidy_payee_account a on a.member_account_id = c.member_account_id
				  and a.tenant_id = c.tenant_id
				where c.tenant_id = ? and c.batch_id = ?
				group by c.member_account_id, c.kigo, c.bango
				order by c.kigo, c.bango, c.member_account_id""")
			.params(tenantId, batchId)
			.query((rs, n) -> new Payee(rs.getLong("member_account_id"), rs.getString("kigo"), rs.getString("bango"),
					rs.getString("insured_name"), rs.getLong("amount"), rs.getString("bank_code"),
					rs.getString("bank_name"), rs.getString("branch_code"), rs.getString("branch_name"),
					rs.getString("account_type"), rs.getString("account_number"), rs.getString("holder_kana")))
			.list();
	}

	/**
	 * OPEN → EXPORTED, with the 振込指定日 of a transfer file (null for the payroll list), if
	 * the batch still has the version its file was made from; false when it was locked or
	 * changed (a claim held) since.
	 */
	boolean lock(long tenantId, long batchId, int version, String by, Instant now, LocalDate transferDate) {
		return jdbc.sql("""
				update subsidy_payment_batch set status = 'EXPORTED', exported_at = ?, exported_by = ?,
				  transfer_date = ?, version = version + 1
				where tenant_id = ? and id = ? and status = 'OPEN' and version = ?""")
			.params(Timestamp.from(now), by, transferDate == null ? null : Date.valueOf(transferDate), tenantId,
					batchId, version)
			.update() == 1;
	}

	Optional<byte[]> file(long tenantId, long batchId, FileFormat format) {
		return jdbc.sql("select content from subsidy_payment_file where tenant_id = ? and batch_id = ? and format = ?")
			.params(tenantId, batchId, format.name())
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	void saveFile(long tenantId, long batchId, FileFormat format, byte[] content, Instant now) {
		jdbc.sql("""
				insert into subsidy_payment_file (batch_id, tenant_id, format, content, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(batchId, tenantId, format.name(), content, Timestamp.from(now))
			.update();
	}

	/**
	 * EXPORTED → PAID if the batch still has the version; its approved claims PAID on the
	 * date.
	 * @return the IDs of the claims paid, or empty when the batch was not changed
	 */
	Optional<List<Long>> markPaid(long tenantId, long batchId, int version, LocalDate paidOn, String by, Instant now) {
		int updated = jdbc.sql("""
				update subsidy_payment_batch set status = 'PAID', paid_on = ?, paid_at = ?, paid_by = ?,
				  version = version + 1
				where tenant_id = ? and id = ? and status = 'EXPORTED' and version = ?""")
			.params(Date.valueOf(paidOn), Timestamp.from(now), by, tenantId, batchId, version)
			.update();
		if (updated != 1) {
			return Optional.empty();
		}
		List<Long> ids = jdbc.sql(
				"select id from subsidy_claim where tenant_id = ? and batch_id = ? and status = 'APPROVED' order by id")
			.params(tenantId, batchId)
			.query(Long.class)
			.list();
		jdbc.sql("""
				update subsidy_claim set status = 'PAID', paid_on = ?, updated_at = ?, version = version + 1
				where tenant_id = ? and batch_id = ? and status = 'APPROVED'""")
			.params(Date.valueOf(paidOn), Timestamp.from(now), tenantId, batchId)
			.update();
		return Optional.of(ids);
	}

	/**
	 * Records that a scheduled cut-off ran; false when it had run already. The job runs
	 * under a cluster lock; the primary key refuses a second row all the same.
	 */
	boolean startCutoffRun(long tenantId, int fiscalYear, LocalDate cutOff, Instant now) {
		boolean ran = jdbc
			.sql("select count(*) from subsidy_cutoff_run where tenant_id = ? and fiscal_year = ? and cut_off = ?")
			.params(tenantId, fiscalYear, Date.valueOf(cutOff))
			.query(Integer.class)
			.single() > 0;
		if (ran) {
			return false;
		}
		jdbc.sql("insert into subsidy_cutoff_run (tenant_id, fiscal_year, cut_off, ran_at) values (?, ?, ?, ?)")
			.params(tenantId, fiscalYear, Date.valueOf(cutOff), Timestamp.from(now))
			.update();
		return true;
	}

	void cutoffBatch(long tenantId, int fiscalYear, LocalDate cutOff, long batchId) {
		jdbc.sql("update subsidy_cutoff_run set batch_id = ? where tenant_id = ? and fiscal_year = ? and cut_off = ?")
			.params(batchId, tenantId, fiscalYear, Date.valueOf(cutOff))
			.update();
	}

	Optional<TransferSource> transferSource(long tenantId) {
		return jdbc.sql("""
				select requester_code, requester_name, bank_code, bank_name, branch_code, branch_name, account_type,
				  account_number from subsidy_transfer_source where tenant_id = ?""")
			.param(tenantId)
			.query((rs, n) -> new TransferSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

	void saveTransferSource(long tenantId, TransferSource s, String by, Instant now) {
		Object[] values = { s.requesterCode(), s.requesterName(), s.bankCode(), s.bankName(), s.branchCode(),
				s.branchName(), s.accountType(), s.accountNumber(), Timestamp.from(now), by, tenantId };
		int updated = jdbc.sql("""
				update subsidy_transfer_source set requester_code = ?, requester_name = ?, bank_code = ?, bank_name = ?,
				  branch_code = ?, branch_name = ?, account_type = ?, account_number = ?, updated_at = ?, updated_by = ?
				where tenant_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into subsidy_transfer_source (requester_code, requester_name, bank_code, bank_name,
					  branch_code, branch_name, account_type, account_number, updated_at, updated_by, tenant_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
	}

	private static String waiting(Instant decidedBefore) {
		return decidedBefore == null ? WAITING : WAITING_BEFORE;
	}

	private static Batch batch(ResultSet rs) throws SQLException {
		Timestamp exported = rs.getTimestamp("exported_at");
		Date paid = rs.getDate("paid_on");
		Date transfer = rs.getDate("transfer_date");
		return new Batch(rs.getLong("id"), rs.getInt("fiscal_year"), PaymentRoute.valueOf(rs.getString("route")),
				rs.getDate("cut_off").toLocalDate(), BatchStatus.valueOf(rs.getString("status")),
				rs.getInt("claim_count"), rs.getLong("total_yen"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), exported == null ? null : exported.toInstant(), rs.getString("exported_by"),
				paid == null ? null : paid.toLocalDate(), rs.getString("paid_by"),
				transfer == null ? null : transfer.toLocalDate(), rs.getInt("version"));
	}

}
