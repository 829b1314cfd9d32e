package jp.kennin.subsidy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One household of a test insurer (記号 10, 番号 2001) with claims stored as the member side
 * stores them: roster people, the insured person's member account, claims sent (送信済) and
 * their receipt files in the document store.
 */
final class SubsidyClaimFixture {

	static final String KIGO = "10";

	static final String BANGO = "2001";

	private final JdbcClient jdbc;

	private final Documents documents;

	private final Clock clock;

	private final long tenantId;

	private long account;

	SubsidyClaimFixture(JdbcClient jdbc, Documents documents, Clock clock, long tenantId) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.clock = clock;
		this.tenantId = tenantId;
	}

	/**
	 * A person of the household; the insured person (枝番 00) also gets a member account.
	 */
	long person(String edaban, boolean insured, String name, LocalDate birth) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, name, name_kana,
				  name_kana_key, birth_date, office_code, office_name, active, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 'シンサ', 'シンサ', ?, 'A01', '本社', true, ?, ?)""")
			.params(tenantId, KIGO, BANGO, edaban, insured, insured ? "本人" : "子", name, birth, now, now)
			.update();
		long id = jdbc.sql("select id from roster_person where tenant_id = ? and kigo = ? and bango = ? and edaban = ?")
			.params(tenantId, KIGO, BANGO, edaban)
			.query(Long.class)
			.single();
		if (insured) {
			jdbc.sql(
					"""
							insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash,
							  email, status, created_at, updated_at) values (?, ?, ?, ?, 'x', 'shinsa@example.jp', 'ACTIVE', ?, ?)""")
				.params(tenantId, id, "shinsa" + tenantId, "shinsa" + tenantId, now, now)
				.update();
			account = jdbc.sql("select id from member_account where roster_person_id = ?")
				.param(id)
				.query(Long.class)
				.single();
		}
		return id;
	}

	/** The insured person's member account (after {@link #person} made it). */
	long account() {
		return account;
	}

	/** A claim sent (送信済) for {@code person}, numbered {@code IF2026-<number>}. */
	long claim(long person, String number, int dose, LocalDate shot, int paid, int aid, int amount) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into subsidy_claim (tenant_id, fiscal_year, receipt_number, member_account_id, kigo, bango,
				  person_id, dose, shot_date, clinic, paid_yen, aid_yen, combined_receipt, amount_yen, status,
				  submitted_at, updated_at)
				values (?, 2026, ?, ?, ?, ?, ?, ?, ?, 'みなとクリニック', ?, ?, false, ?, 'SUBMITTED', ?, ?)""")
			.params(tenantId, "IF2026-" + number, account, KIGO, BANGO, person, dose, shot, paid, aid, amount, now, now)
			.update();
		return jdbc.sql("select id from subsidy_claim where tenant_id = ? and receipt_number = ?")
			.params(tenantId, "IF2026-" + number)
			.query(Long.class)
			.single();
	}

	/** Attaches a receipt file to the claim, as the member's upload would. */
	void receipt(long claim, String name, byte[] content) {
		// Members upload while the claim is a draft (the receipt policy refuses later
		// files), so the claim is a draft for the moment of the upload.
		String status = jdbc.sql("select status from subsidy_claim where id = ?")
			.param(claim)
			.query(String.class)
			.single();
		jdbc.sql("update subsidy_claim set status = 'DRAFT' where id = ?").param(claim).update();
		try {
			documents.store(new DocumentOwner(tenantId, KIGO, BANGO), null, "subsidy-receipt:" + claim, name, content);
		}
		finally {
			jdbc.sql("update subsidy_claim set status = ? where id = ?").params(status, claim).update();
		}
	}

}
