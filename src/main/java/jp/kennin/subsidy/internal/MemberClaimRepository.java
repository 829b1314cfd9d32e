package jp.kennin.subsidy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kennin.subsidy.MemberSubsidies.ClaimInput;
import jp.kennin.subsidy.MemberSubsidies.ClaimSummary;
import jp.kennin.subsidy.MemberSubsidies.HistoryEntry;
import jp.kennin.subsidy.MemberSubsidies.Member;
import jp.kennin.subsidy.MemberSubsidies.Payee;
import jp.kennin.subsidy.SubsidyClaimStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The member side's reads and writes of {@code subsidy_claim}, its events and
 * {@code subsidy_payee_account}. Every statement is scoped by the member's insurer and
 * household; changes are guarded by version and status, so a second tab or a resent POST
 * changes nothing.
 */
@Repository
class MemberClaimRepository {

	private static final String COLUMNS = """
			c.id, c.fiscal_year, c.receipt_number, c.person_id, p.name as person_name, p.relationship, c.dose,
			c.shot_date, c.clinic, c.paid_yen, c.aid_yen, c.combined_receipt, c.combined_note, c.amount_yen,
			c.status, c.decision_reason, c.member_checked, c.submitted_at, c.paid_on, c.version""";

	private static final String FROM = """
			from subsidy_claim c join roster_person p on p.id = c.person_id and p.tenant_id = c.tenant_id
			where c.tenant_id = :tenant and c.kigo = :kigo and c.bango = :bango""";

	private final JdbcClient jdbc;

	MemberClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claim of the household as stored. */
	record StoredClaim(ClaimSummary summary, ClaimInput input, String relationship, String decisionReason,
			String memberChecked, int version) {
	}

	/** The household's claims, newest first (drafts included). */
	List<StoredClaim> household(Member member) {
		return scoped(jdbc.sql("select " + COLUMNS + " " + FROM + " order by c.fiscal_year desc, c.id desc"), member)
			.query((rs, n) -> row(rs))
			.list();
	}

	Optional<StoredClaim> find(Member member, long claimId) {
		return scoped(jdbc.sql("select " + COLUMNS + " " + FROM + " and c.id = :id"), member).param("id", claimId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/**
	 * The counting claims (sent, not rejected or withdrawn) of a person in a year, except
	 * one claim (the one being assessed).
	 */
	List<ClaimSummary> counting(long tenantId, long personId, int fiscalYear, long exceptId) {
		return jdbc.sql("select " + COLUMNS + """
				 from subsidy_claim c join roster_person p on p.id = c.person_id and p.tenant_id = c.tenant_id
				where c.tenant_id = ? and c.person_id = ? and c.fiscal_year = ? and c.id <> ?
				  and c.status not in ('DRAFT', 'REJECTED', 'WITHDRAWN')""")
			.params(tenantId, personId, fiscalYear, exceptId)
			.query((rs, n) -> row(rs).summary())
			.list();
	}

	long insertDraft(Member member, int fiscalYear, ClaimInput in, int amountYen, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into subsidy_claim (tenant_id, fiscal_year, member_account_id, kigo, bango, person_id, dose,
				  shot_date, clinic, paid_yen, aid_yen, combined_receipt, combined_note, amount_yen, status, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)""")
			.params(member.tenantId(), fiscalYear, member.accountId(), member.kigo(), member.bango(), in.personId(),
					in.dose(), in.shotDate(), in.clinic(), in.paidYen(), in.aidYen(), in.combinedReceipt(),
					in.combinedNote(), amountYen, Timestamp.from(now))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** Changes a draft's or returned claim's answers; false if it moved on meanwhile. */
	boolean change(Member member, long claimId, int version, ClaimInput in, int amountYen, Instant now) {
		return scoped(jdbc.sql("""
				update subsidy_claim c set shot_date = :shot, clinic = :clinic, paid_yen = :paid, aid_yen = :aid,
				  combined_receipt = :combined, combined_note = :note, amount_yen = :amount, updated_at = :now,
				  version = version + 1
				where c.tenant_id = :tenant and c.kigo = :kigo and c.bango = :bango and c.id = :id
				  and c.version = :version and c.status in ('DRAFT', 'RETURNED')"""), member)
			.param("shot", in.shotDate())
			.param("clinic", in.clinic())
			.param("paid", in.paidYen())
			.param("aid", in.aidYen())
			.param("combined", in.combinedReceipt())
			.param("note", in.combinedNote())
			.param("amount", amountYen)
			.param("now", Timestamp.from(now))
			.param("id", claimId)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * DRAFT or RETURNED → SUBMITTED with the amount computed now; a draft gets its
	 * receipt number and sending time, a resent claim keeps them.
	 */
	boolean send(Member member, long claimId, int version, int amountYen, String receiptNumber, String checked,
			Instant now) {
		return scoped(jdbc.sql("""
				update subsidy_claim c set status = 'SUBMITTED', amount_yen = :amount,
				  receipt_number = coalesce(receipt_number, :receipt), submitted_at = coalesce(submitted_at, :now),
				  member_checked = :checked, decision_reason = null, updated_at = :now, version = version + 1
				where c.tenant_id = :tenant and c.kigo = :kigo and c.bango = :bango and c.id = :id
				  and c.version = :version and c.status in ('DRAFT', 'RETURNED')"""), member).param("amount", amountYen)
			.param("receipt", receiptNumber)
			.param("checked", checked)
			.param("now", Timestamp.from(now))
			.param("id", claimId)
			.param("version", version)
			.update() == 1;
	}

	/** A sent claim before a decision → WITHDRAWN. */
	boolean withdraw(Member member, long claimId, int version, Instant now) {
		return scoped(jdbc.sql("""
				update subsidy_claim c set status = 'WITHDRAWN', updated_at = :now, version = version + 1
				where c.tenant_id = :tenant and c.kigo = :kigo and c.bango = :bango and c.id = :id
				  and c.version = :version and c.status in ('SUBMITTED', 'IN_REVIEW', 'RETURNED')"""), member)
			.param("now", Timestamp.from(now))
			.param("id", claimId)
			.param("version", version)
			.update() == 1;
	}

	boolean deleteDraft(Member member, long claimId) {
		jdbc.sql("delete from subsidy_claim_event where tenant_id = ? and claim_id = ?")
			.params(member.tenantId(), claimId)
			.update();
		return scoped(jdbc.sql("""
				delete from subsidy_claim where tenant_id = :tenant and kigo = :kigo and bango = :bango and id = :id
				  and status = 'DRAFT'"""), member).param("id", claimId).update() == 1;
	}

	void event(Member member, long claimId, SubsidyClaimStatus status, String checked, Instant now) {
		jdbc.sql(
				"""
						insert into subsidy_claim_event (tenant_id, claim_id, status, checklist, actor_kind, actor_id, created_at)
						values (?, ?, ?, ?, 'MEMBER', ?, ?)""")
			.params(member.tenantId(), claimId, status.name(), checked, member.accountId(), Timestamp.from(now))
			.update();
	}

	/** The status changes of a claim of the household, oldest first. */
	List<HistoryEntry> history(Member member, long claimId) {
		return jdbc.sql("""
				select e.status, e.reason, e.created_at from subsidy_claim_event e
				join subsidy_claim c on c.id = e.claim_id and c.tenant_id = e.tenant_id
				where e.tenant_id = ? and e.claim_id = ? and c.kigo = ? and c.bango = ? order by e.id""")
			.params(member.tenantId(), claimId, member.kigo(), member.bango())
			.query((rs, n) -> new HistoryEntry(SubsidyClaimStatus.valueOf(rs.getString(1)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	Optional<Payee> payee(Member member) {
		return jdbc.sql("""
				select bank_code, bank_name, branch_code, branch_name, account_type, account_number, holder_kana
				from subsidy_payee_account where member_account_id = ? and tenant_id = ?""")
			.params(member.accountId(), member.tenantId())
			.query((rs, n) -> new Payee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.optional();
	}

	void savePayee(Member member, Payee p, Instant now) {
		Timestamp at = Timestamp.from(now);
		int updated = jdbc.sql("""
				update subsidy_payee_account set bank_code = ?, bank_name = ?, branch_code = ?, branch_name = ?,
				  account_type = ?, account_number = ?, holder_kana = ?, updated_at = ?
				where member_account_id = ? and tenant_id = ?""")
			.params(p.bankCode(), p.bankName(), p.branchCode(), p.branchName(), p.accountType(), p.accountNumber(),
					p.holderKana(), at, member.accountId(), member.tenantId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into subsidy_payee_account (member_account_id, tenant_id, bank_code, bank_name, branch_code,
					  branch_name, account_type, account_number, holder_kana, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(member.accountId(), member.tenantId(), p.bankCode(), p.bankName(), p.branchCode(),
						p.branchName(), p.accountType(), p.accountNumber(), p.holderKana(), at)
				.update();
		}
	}

	private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, Member member) {
		return spec.param("tenant", member.tenantId()).param("kigo", member.kigo()).param("bango", member.bango());
	}

	private static StoredClaim row(ResultSet rs) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Date paidOn = rs.getDate("paid_on");
		LocalDate shot = rs.getDate("shot_date").toLocalDate();
		ClaimSummary summary = new ClaimSummary(rs.getLong("id"), rs.getInt("fiscal_year"),
				rs.getString("receipt_number"), rs.getLong("person_id"), rs.getString("person_name"), rs.getInt("dose"),
				shot, rs.getString("clinic"), rs.getInt("paid_yen"), rs.getInt("aid_yen"), rs.getInt("amount_yen"),
				SubsidyClaimStatus.valueOf(rs.getString("status")), submitted == null ? null : submitted.toInstant(),
				paidOn == null ? null : paidOn.toLocalDate());
		ClaimInput input = new ClaimInput(summary.personId(), summary.dose(), shot, summary.clinic(), summary.paidYen(),
				summary.aidYen(), rs.getBoolean("combined_receipt"), rs.getString("combined_note"));
		return new StoredClaim(summary, input, rs.getString("relationship"), rs.getString("decision_reason"),
				rs.getString("member_checked"), rs.getInt("version"));
	}

}
