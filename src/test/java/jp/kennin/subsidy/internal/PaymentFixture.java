package jp.kennin.subsidy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Households of a test insurer in several offices with claims stored as the member side
 * and the review store them: roster people, the insured person's member account, claims
 * approved (支給決定) at a given moment, and the member's payee account.
 */
final class PaymentFixture {

	private final JdbcClient jdbc;

	private final long tenantId;

	private int numbers;

	PaymentFixture(JdbcClient jdbc, long tenantId) {
		this.jdbc = jdbc;
		this.tenantId = tenantId;
	}

	/** A household: the roster people and the member account of its insured person. */
	record Household(String kigo, String bango, long account, long insured) {
	}

	Household household(String kigo, String bango, String office, String officeName, String insuredName) {
		long insured = person(kigo, bango, "00", true, insuredName, office, officeName);
		Timestamp now = Timestamp.from(Instant.parse("2026-10-01T00:00:00Z"));
		String user = "pay" + tenantId + "-" + kigo + "-" + bango;
		jdbc.sql("""
				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email,
				  status, created_at, updated_at) values (?, ?, ?, ?, 'x', 'pay@example.jp', 'ACTIVE', ?, ?)""")
			.params(tenantId, insured, user, user, now, now)
			.update();
		long account = jdbc.sql("select id from member_account where roster_person_id = ?")
			.param(insured)
			.query(Long.class)
			.single();
		return new Household(kigo, bango, account, insured);
	}

	/** A dependent of the household. */
	long dependent(Household h, String edaban, String name) {
		String office = jdbc.sql("select office_code from roster_person where id = ?")
			.param(h.insured())
			.query(String.class)
			.single();
		String officeName = jdbc.sql("select office_name from roster_person where id = ?")
			.param(h.insured())
			.query(String.class)
			.single();
		return person(h.kigo(), h.bango(), edaban, false, name, office, officeName);
	}

	/**
	 * A claim of the person in a status, decided at {@code decidedAt} (null: not
	 * decided).
	 */
	long claim(Household h, long person, int fiscalYear, String status, int amount, Instant decidedAt) {
		String number = "PB" + tenantId + "-" + (++numbers);
		Timestamp sent = Timestamp.from(Instant.parse("2026-10-20T01:00:00Z"));
		jdbc.sql("""
				insert into subsidy_claim (tenant_id, fiscal_year, receipt_number, member_account_id, kigo, bango,
				  person_id, dose, shot_date, clinic, paid_yen, aid_yen, combined_receipt, amount_yen, status,
				  decided_at, submitted_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'みなとクリニック', ?, 0, false, ?, ?, ?, ?, ?)""")
			.params(tenantId, fiscalYear, number, h.account(), h.kigo(), h.bango(), person, numbers % 2 + 1,
					LocalDate.of(fiscalYear, 10, 10), amount, amount, status,
					decidedAt == null ? null : Timestamp.from(decidedAt), sent, sent)
			.update();
		return jdbc.sql("select id from subsidy_claim where tenant_id = ? and receipt_number = ?")
			.params(tenantId, number)
			.query(Long.class)
			.single();
	}

	/** The member's payee account for bank transfers. */
	void payee(Household h, String bankCode, String branchCode, String accountNumber, String holderKana) {
		jdbc.sql("""
				insert into subsidy_payee_account (member_account_id, tenant_id, bank_code, bank_name, branch_code,
				  branch_name, account_type, account_number, holder_kana, updated_at)
				values (?, ?, ?, 'ミズホ', ?, 'ホンテン', 'ORDINARY', ?, ?, ?)""")
			.params(h.account(), tenantId, bankCode, branchCode, accountNumber, holderKana,
					Timestamp.from(Instant.parse("2026-10-01T00:00:00Z")))
			.update();
	}

	private long person(String kigo, String bango, String edaban, boolean insured, String name, String office,
			String officeName) {
		Timestamp now = Timestamp.from(Instant.parse("2026-10-01T00:00:00Z"));
		jdbc.sql("""
				insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, name, name_kana,
				  name_kana_key, birth_date, office_code, office_name, active, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 'シキュウ', 'シキュウ', ?, ?, ?, true, ?, ?)""")
			.params(tenantId, kigo, bango, edaban, insured, insured ? "本人" : "子", name,
					insured ? LocalDate.of(1980, 5, 5) : LocalDate.of(2016, 5, 5), office, officeName, now, now)
			.update();
		return jdbc.sql("select id from roster_person where tenant_id = ? and kigo = ? and bango = ? and edaban = ?")
			.params(tenantId, kigo, bango, edaban)
			.query(Long.class)
			.single();
	}

}
