package jp.kennin.retention.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.document.Documents;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.platform.StaffActor;
import jp.kennin.retention.Retention;
import jp.kennin.retention.RetentionAuditEvent;
import jp.kennin.retention.RetentionSettings;
import jp.kennin.retention.RetentionTestData;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.storage.FileStorage;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static jp.kennin.lossnotice.NoticeFixture.keep;
import static jp.kennin.lossnotice.NoticeFixture.person;
import static jp.kennin.retention.RetentionTestData.japan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on a clock moved over the years. Insurer A keeps documents one year
 * and personal data two years: household G left the roster in November 2026, Y in June
 * 2027, K stays; campaign 1 completed in October 2026, campaign 2 in October 2028. Run in
 * January 2029, the documents of campaign 1 go (K's and Y's too), K's document of
 * campaign 2 stays, G's personal data goes and Y's stays. Insurer B, on the five-year
 * defaults with the same history, loses nothing.
 */
@KenninIntegrationTest
class RetentionJobIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Reviews reviews;

	@Autowired
	Documents documents;

	@Autowired
	FileStorage storage;

	@Autowired
	Retention retention;

	@Autowired
	RetentionJob job;

	@Autowired
	AuditLog audit;

	NoticeFixture a;

	NoticeFixture b;

	RetentionTestData da;

	RetentionTestData db;

	String g;

	String k;

	String y;

	long gForm;

	long gAccount;

	long gClaim;

	long kClaim;

	long kAccount;

	List<Long> campaign1Docs;

	long kDoc2;

	long bDoc;

	@BeforeEach
	void setUp() throws Exception {
		int n = NoticeFixture.SEQ.incrementAndGet();
		g = "rg" + n;
		k = "rk" + n;
		y = "ry" + n;
		clock.setInstant(japan(2026, 7, 28));
		a = fixture("保存期間テスト健保A");
		b = fixture("保存期間テスト健保B");
		da = new RetentionTestData(a, documents);
		db = new RetentionTestData(b, documents);
		retention.changeSettings(new StaffActor("admin-a", StaffActor.TENANT_ADMIN, a.tenant.id()),
				new RetentionSettings(1, 2));

		campaign1Docs = List.of(da.upload(g, "01"), da.upload(k, "01"), da.upload(y, "01"));
		bDoc = db.upload(g, "01");
		gAccount = da.account(g, "HASH-G");
		kAccount = da.account(k, "HASH-K");
		db.account(g, "HASH-BG");
		da.sentMail(g);
		db.sentMail(g);
		gClaim = subsidyClaim(a.tenant.id(), g, gAccount);
		kClaim = subsidyClaim(a.tenant.id(), k, kAccount);
		for (NoticeFixture fx : List.of(a, b)) {
			for (String h : List.of(g, k, y)) {
				fx.submit(h, List.of("01"));
			}
			fx.decideAndComplete(g, List.of("01"), List.of(keep()));
			fx.decideAndComplete(k, List.of("01"), List.of(keep()));
		}
		gForm = a.form(g);
		long kForm = a.form(k);
		long kCase = jdbc.sql("select id from review_case where survey_form_id = ?")
			.param(kForm)
			.query(Long.class)
			.single();
		// A document check points at K's document, which must go with it.
		jdbc.sql("""
				insert into review_document_check (tenant_id, review_case_id, survey_form_id, document_id, result,
				                                   checked_by, checked_at)
				values (?, ?, ?, ?, 'CONFIRMED', 'reviewer-n', ?)""")
			.params(a.tenant.id(), kCase, kForm, campaign1Docs.get(1), Timestamp.from(clock.instant()))
			.update();

		clock.setInstant(japan(2026, 10, 1));
		da.complete(a.campaignId);
		db.complete(b.campaignId);
		for (RetentionTestData d : List.of(da, db)) {
			d.leaveRoster(g, japan(2026, 11, 1));
			d.leaveRoster(y, japan(2027, 6, 1));
		}
		clock.setInstant(japan(2028, 7, 28));
		long campaign2 = da.openCampaign(2028);
		kDoc2 = da.upload(k, "01");
		clock.setInstant(japan(2028, 10, 1));
		da.complete(campaign2);
	}

	/**
	 * An influenza subsidy claim of the household's insured person, sent, with its event
	 * and the account's bank account for transfers.
	 */
	private long subsidyClaim(long tenantId, String bango, long account) {
		RosterPerson insured = roster.findInsured(tenantId, kigoOf(tenantId, bango), bango).orElseThrow();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into subsidy_claim (tenant_id, fiscal_year, receipt_number, member_account_id, kigo, bango,
				  person_id, dose, shot_date, clinic, paid_yen, aid_yen, combined_receipt, amount_yen, status,
				  submitted_at, updated_at)
				values (?, 2026, ?, ?, ?, ?, ?, 1, ?, '保存クリニック', 3000, 0, false, 2000, 'SUBMITTED', ?, ?)""")
			.params(tenantId, "IF2026-" + bango, account, insured.kigo(), bango, insured.id(), LocalDate.of(2026, 7, 1),
					now, now)
			.update();
		long id = jdbc.sql("select id from subsidy_claim where tenant_id = ? and receipt_number = ?")
			.params(tenantId, "IF2026-" + bango)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into subsidy_claim_event (tenant_id, claim_id, status, actor_kind, actor_id, created_at)
				values (?, ?, 'SUBMITTED', 'MEMBER', ?, ?)""").params(tenantId, id, account, now).update();
		jdbc.sql("""
				insert into subsidy_payee_account (member_account_id, tenant_id, bank_code, bank_name, branch_code,
				  branch_name, account_type, account_number, holder_kana, updated_at)
				values (?, ?, '0001', '保存銀行', '001', '本店', 'ORDINARY', '1234567', 'タイカイ', ?)""")
			.params(account, tenantId, now)
			.update();
		return id;
	}

	private String kigoOf(long tenantId, String bango) {
		return jdbc.sql("select kigo from roster_person where tenant_id = ? and bango = ? and edaban = '00'")
			.params(tenantId, bango)
			.query(String.class)
			.single();
	}

	private NoticeFixture fixture(String name) {
		return new NoticeFixture(mvc, tenants, roster, campaigns, jdbc, clock, reviews, name,
				List.of(person(g, "00", "本人", RelationshipCategory.SELF, "退会 太郎", "タイカイ タロウ", 1960, null),
						person(g, "01", "妻", RelationshipCategory.SPOUSE, "退会 花子", "タイカイ ハナコ", 1962, null),
						person(k, "00", "本人", RelationshipCategory.SELF, "在籍 一郎", "ザイセキ イチロウ", 1980, null),
						person(k, "01", "妻", RelationshipCategory.SPOUSE, "在籍 良子", "ザイセキ ヨシコ", 1982, null),
						person(y, "00", "本人", RelationshipCategory.SELF, "最近 次郎", "サイキン ジロウ", 1970, null),
						person(y, "01", "妻", RelationshipCategory.SPOUSE, "最近 幸子", "サイキン サチコ", 1972, null)));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void deletes_exactly_what_is_past_each_period_and_nothing_else() throws IOException {
		// Years later every queued mail has long been sent.
		jdbc.sql("update mail_outbox set status = 'SENT' where tenant_id in (?, ?) and status = 'PENDING'")
			.params(a.tenant.id(), b.tenant.id())
			.update();
		List<String> campaign1Keys = keys(campaign1Docs);
		String kDoc2Key = keys(List.of(kDoc2)).get(0);
		String bKey = keys(List.of(bDoc)).get(0);
		String mailsOfG = "select count(*) from mail_outbox where tenant_id = ? and to_address = ? and status <> 'PENDING'";
		int gMails = da.count(mailsOfG, a.tenant.id(), g + "@example.jp");
		int bMails = da.count(mailsOfG, b.tenant.id(), g + "@example.jp");
		int gFormAudit = da.count("select count(*) from audit_event where target = ?", "survey_form:" + gForm);
		assertThat(gMails).isPositive();
		assertThat(gFormAudit).isPositive();

		clock.setInstant(japan(2029, 1, 15));
		Map<Long, RetentionPurge.Counts> runs = runs();

		assertThat(runs.get(a.tenant.id()))
			.isEqualTo(new RetentionPurge.Counts(3, campaign1Keys.size(), 1, 2, 1, 1, gMails));
		assertThat(runs.get(b.tenant.id())).isEqualTo(RetentionPurge.Counts.NONE);

		// Documents of campaign 1: rows and files gone; campaign 2's and B's kept.
		assertThat(da.count("select count(*) from uploaded_document where id in (?, ?, ?)", campaign1Docs.toArray()))
			.isZero();
		for (String key : campaign1Keys) {
			assertThat(storage.get(key)).as(key).isEmpty();
		}
		assertThat(da.count("select count(*) from review_document_check where document_id = ?", campaign1Docs.get(1)))
			.isZero();
		assertThat(storage.get(kDoc2Key)).isPresent();
		assertThat(storage.get(bKey)).isPresent();
		assertThat(da.count("select count(*) from uploaded_document where id in (?, ?)", kDoc2, bDoc)).isEqualTo(2);
		assertThat(da.count("select count(*) from retention_file_tombstone")).isZero();

		// G's personal data is gone; Y (gone too recently) and K stay, as does all of B.
		long t = a.tenant.id();
		assertThat(da.count("select count(*) from roster_person where tenant_id = ? and bango = ?", t, g)).isZero();
		assertThat(da.count("select count(*) from survey_form where tenant_id = ? and bango = ?", t, g)).isZero();
		assertThat(da.count("select count(*) from survey_answer where survey_form_id = ?", gForm)).isZero();
		assertThat(da.count("select count(*) from review_case where survey_form_id = ?", gForm)).isZero();
		assertThat(da.count("select count(*) from member_account where id = ?", gAccount)).isZero();
		assertThat(da.count("select count(*) from member_terms_consent where account_id = ?", gAccount)).isZero();
		assertThat(da.count("select count(*) from subsidy_claim where id = ?", gClaim)).isZero();
		assertThat(da.count("select count(*) from subsidy_claim_event where claim_id = ?", gClaim)).isZero();
		assertThat(da.count("select count(*) from subsidy_payee_account where member_account_id = ?", gAccount))
			.isZero();
		assertThat(da.count("select count(*) from subsidy_claim where id = ?", kClaim)).isOne();
		assertThat(da.count("select count(*) from subsidy_payee_account where member_account_id = ?", kAccount))
			.isOne();
		assertThat(da.count(mailsOfG, a.tenant.id(), g + "@example.jp")).isZero();
		assertThat(da.count("select count(*) from roster_person where tenant_id = ? and bango = ?", t, y)).isEqualTo(2);
		assertThat(da.count("select count(*) from survey_form where tenant_id = ? and bango = ?", t, k)).isEqualTo(2);
		assertThat(da.count("select count(*) from member_account where id = ?", kAccount)).isOne();
		long tb = b.tenant.id();
		assertThat(da.count("select count(*) from roster_person where tenant_id = ? and bango = ?", tb, g))
			.isEqualTo(2);
		assertThat(da.count("select count(*) from survey_form where tenant_id = ? and bango = ?", tb, g)).isOne();
		assertThat(da.count("select count(*) from member_account where tenant_id = ?", tb)).isOne();
		assertThat(da.count(mailsOfG, tb, g + "@example.jp")).isEqualTo(bMails);

		// The audit log keeps its rows about G, and they hold no name.
		assertThat(da.count("select count(*) from audit_event where target = ?", "survey_form:" + gForm))
			.isEqualTo(gFormAudit);
		assertThat(
				da.count("select count(*) from audit_event where details like ? or details like ?", "%退会%", "%タイカイ%"))
			.isZero();

		// Each insurer's run is in its audit log with the counts.
		AuditEntry runA = lastRun(t);
		assertThat(runA.actorKind()).isEqualTo("SYSTEM");
		assertThat(runA.details()).containsEntry("documents", "3")
			.containsEntry("households", "1")
			.containsEntry("persons", "2")
			.containsEntry("accounts", "1")
			.containsEntry("forms", "1")
			.containsEntry("documentYears", "1")
			.containsEntry("personalDataYears", "2");
		assertThat(lastRun(tb).details()).containsEntry("documents", "0")
			.containsEntry("households", "0")
			.containsEntry("documentYears", "5");

		// Run again: nothing more is due.
		Map<Long, RetentionPurge.Counts> again = runs();
		assertThat(again.get(t)).isEqualTo(RetentionPurge.Counts.NONE);
		assertThat(again.get(tb)).isEqualTo(RetentionPurge.Counts.NONE);
	}

	@Test
	void nothing_is_deleted_a_day_before_the_period_ends() {
		// Campaign 1 completed 2026-10-01 12:00 (Japan time): one year later at 11:00 it
		// is not yet due, and G left 2026-11-01, so its two years have not passed either.
		clock.setInstant(japan(2027, 10, 1).minusSeconds(3600));
		assertThat(runs().get(a.tenant.id())).isEqualTo(RetentionPurge.Counts.NONE);
		clock.setInstant(japan(2027, 10, 1).plusSeconds(1));
		assertThat(runs().get(a.tenant.id()).documents()).isEqualTo(3);
		assertThat(runs().get(a.tenant.id()).households()).isZero();
	}

	@Test
	void files_left_by_a_crashed_run_are_deleted_by_the_next_and_a_failing_one_stays_listed() throws IOException {
		// A run that committed its rows and died before deleting the files leaves
		// tombstones; one key the storage refuses stays listed without blocking others.
		String orphan = storage.put(new byte[] { 1, 2, 3 });
		jdbc.sql("insert into retention_file_tombstone (tenant_id, storage_key, created_at) values (?, ?, ?)")
			.params(a.tenant.id(), "not a storage key", Timestamp.from(clock.instant()))
			.update();
		jdbc.sql("insert into retention_file_tombstone (tenant_id, storage_key, created_at) values (?, ?, ?)")
			.params(a.tenant.id(), orphan, Timestamp.from(clock.instant()))
			.update();
		assertThat(storage.get(orphan)).isPresent();

		runs();

		assertThat(storage.get(orphan)).isEmpty();
		assertThat(jdbc.sql("select storage_key from retention_file_tombstone where tenant_id = ?")
			.param(a.tenant.id())
			.query(String.class)
			.list()).containsExactly("not a storage key");
		jdbc.sql("delete from retention_file_tombstone where tenant_id = ?").param(a.tenant.id()).update();
	}

	private Map<Long, RetentionPurge.Counts> runs() {
		Map<Long, RetentionPurge.Counts> out = new HashMap<>();
		job.runOnce().forEach(r -> out.put(r.tenantId(), r.counts()));
		return out;
	}

	private AuditEntry lastRun(long tenantId) {
		return audit.search(new AuditLog.Query(tenantId, null, null, null, "tenant:" + tenantId, 50))
			.stream()
			.filter(e -> e.type().equals(RetentionAuditEvent.RETENTION_RUN.name()))
			.findFirst()
			.orElseThrow();
	}

	private List<String> keys(List<Long> ids) {
		return ids.stream()
			.flatMap(id -> jdbc.sql("select storage_key, thumbnail_key from uploaded_document where id = ?")
				.param(id)
				.query((rs, n) -> Stream.of(rs.getString(1), rs.getString(2)))
				.single())
			.filter(Objects::nonNull)
			.toList();
	}

}
