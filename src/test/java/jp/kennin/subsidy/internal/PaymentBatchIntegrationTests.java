package jp.kennin.subsidy.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyPayments.BatchNotFound;
import jp.kennin.subsidy.SubsidyPayments.BatchStatus;
import jp.kennin.subsidy.SubsidyPayments.FileFormat;
import jp.kennin.subsidy.SubsidyPayments.PayeeProblem;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyPayments.TransferSourceRejected;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyTransferSources;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.subsidy.internal.PaymentFixture.Household;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Payment batches: closing now takes exactly the approved claims of the year in no batch,
 * the scheduled cut-off forms a batch once after its day is over, the first export locks
 * the batch and every later one is the same file, the payroll list and the 全銀協 file read
 * back with their totals, a household without a usable account is named and nothing is
 * locked, 支給済み marks every claim with its event and audit rows, and reviewers and other
 * insurers are refused.
 */
@KenninIntegrationTest
class PaymentBatchIntegrationTests {

	static final Charset SJIS = Charset.forName("Windows-31J");

	@Autowired
	SubsidyPayments payments;

	@Autowired
	SubsidyTransferSources sources;

	@Autowired
	PaymentCutoffJob cutoffJob;

	@Autowired
	Subsidies subsidies;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	StaffActor admin;

	StaffActor reviewer;

	PaymentFixture fixture;

	Household first;

	Household second;

	List<Long> approved = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// Monday 16 November 2026, 10:00 Japan time
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金支給テスト健保");
		admin = new StaffActor("pay-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.10");
		reviewer = new StaffActor("pay-reviewer", StaffActor.REVIEWER, tenant.id(), 1, "192.0.2.11");
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		fixture = new PaymentFixture(jdbc, tenant.id());
		first = fixture.household("21", "101", "A01", "本社", "支給　一郎");
		long child = fixture.dependent(first, "01", "支給　花子");
		second = fixture.household("21", "102", "B02", "大阪支店", "支給　二郎");
		approved.add(fixture.claim(first, child, 2026, "APPROVED", 2_000, at("2026-11-10T01:00:00Z")));
		approved.add(fixture.claim(first, child, 2026, "APPROVED", 1_500, at("2026-11-11T01:00:00Z")));
		approved.add(fixture.claim(first, first.insured(), 2026, "APPROVED", 2_000, at("2026-11-12T01:00:00Z")));
		approved.add(fixture.claim(second, second.insured(), 2026, "APPROVED", 1_800, at("2026-11-13T01:00:00Z")));
		fixture.claim(second, second.insured(), 2026, "SUBMITTED", 2_000, null);
		fixture.claim(second, second.insured(), 2026, "REJECTED", 2_000, at("2026-11-13T02:00:00Z"));
		fixture.claim(first, first.insured(), 2025, "APPROVED", 1_000, at("2025-11-13T02:00:00Z"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void closing_now_takes_the_approved_claims_of_the_year_in_no_batch_with_their_count_and_total() {
		long id = payments.closeNow(admin, 2026);

		SubsidyPayments.BatchDetail detail = payments.batch(reviewer, id);
		assertThat(detail.batch().claimCount()).isEqualTo(4);
		assertThat(detail.batch().totalYen()).isEqualTo(7_300);
		assertThat(detail.batch().status()).isEqualTo(BatchStatus.OPEN);
		assertThat(detail.batch().route()).isEqualTo(PaymentRoute.PAYROLL);
		assertThat(detail.batch().cutOff()).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(detail.claims()).extracting(SubsidyPayments.BatchClaim::id)
			.containsExactlyInAnyOrderElementsOf(approved);
		assertThat(detail.offices())
			.extracting(SubsidyPayments.OfficeTotal::officeCode, SubsidyPayments.OfficeTotal::claims,
					SubsidyPayments.OfficeTotal::totalYen)
			.containsExactly(tuple("A01", 3, 5_500L), tuple("B02", 1, 1_800L));
		assertThat(batched()).isEqualTo(4);
		assertThat(audits("subsidy_payment_batch:" + id)).contains("SUBSIDY_PAYMENT_BATCH_CLOSED",
				"SUBSIDY_PAYMENT_BATCH_VIEWED");
		assertThatThrownBy(() -> payments.closeNow(admin, 2026)).isInstanceOf(PaymentProblem.class)
			.hasMessage("subsidy.payments.problem.nothingWaiting");
		assertThat(payments.overview(admin, 2026).batches()).hasSize(1);
	}

	@Test
	void the_cut_off_forms_a_batch_once_after_the_cut_off_day_is_over() {
		// approved ten minutes after the end of the cut-off day (21 November, 00:10)
		Household late = fixture.household("21", "109", "A01", "本社", "支給　九郎");
		long lateClaim = fixture.claim(late, late.insured(), 2026, "APPROVED", 2_000, at("2026-11-20T15:10:00Z"));

		// 20 November 12:00 Japan time: the cut-off day is not over
		clock.setInstant(Instant.parse("2026-11-20T03:00:00Z"));
		cutoffJob.runOnce();
		assertThat(payments.overview(admin, 2026).batches()).isEmpty();

		// 21 November 00:30 Japan time
		clock.setInstant(Instant.parse("2026-11-20T15:30:00Z"));
		cutoffJob.runOnce();
		List<SubsidyPayments.Batch> batches = payments.overview(admin, 2026).batches();
		assertThat(batches).hasSize(1);
		assertThat(batches.get(0).cutOff()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(batches.get(0).claimCount()).isEqualTo(4);
		assertThat(batches.get(0).totalYen()).isEqualTo(7_300);
		assertThat(batches.get(0).atCutoff()).isTrue();
		assertThat(batchOf(lateClaim)).isNull();
		assertThat(jdbc
			.sql("select actor_kind from audit_event where target = ? and type = 'SUBSIDY_PAYMENT_BATCH_CLOSED'")
			.param("subsidy_payment_batch:" + batches.get(0).id())
			.query(String.class)
			.single()).isEqualTo("SYSTEM");

		clock.setInstant(Instant.parse("2026-11-21T02:00:00Z"));
		cutoffJob.runOnce();
		assertThat(payments.overview(admin, 2026).batches()).hasSize(1);
		assertThat(batchOf(lateClaim)).isNull();
	}

	@Test
	void the_first_export_locks_the_batch_and_the_payroll_list_reads_back_per_office() throws IOException {
		long id = payments.closeNow(admin, 2026);

		byte[] csv = payments.export(admin, id, FileFormat.CSV).content();

		assertThat(payments.batch(admin, id).batch().status()).isEqualTo(BatchStatus.EXPORTED);
		List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(new String(csv, SJIS))).getRecords();
		assertThat(rows.get(0).toList()).isEqualTo(PayrollList.COLUMNS);
		assertThat(rows.get(1).toList()).containsExactly("明細", "A01", "本社", "21", "101", "支給　一郎", "3", "5500",
				"支給　一郎 2,000円、支給　花子 3,500円");
		assertThat(rows.get(2).toList()).containsExactly("事業所計", "A01", "本社", "", "", "", "3", "5500", "");
		assertThat(rows.get(3).toList()).containsExactly("明細", "B02", "大阪支店", "21", "102", "支給　二郎", "1", "1800",
				"支給　二郎 1,800円");
		assertThat(rows.get(4).toList()).containsExactly("事業所計", "B02", "大阪支店", "", "", "", "1", "1800", "");
		assertThat(rows.get(5).toList()).containsExactly("合計", "", "", "", "", "", "4", "7300", "");
		assertThat(rows).hasSize(6);
		assertThat(payments.export(admin, id, FileFormat.CSV).content()).isEqualTo(csv);

		byte[] xlsx = payments.export(admin, id, FileFormat.XLSX).content();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("区分");
			Row line = sheet.getRow(1);
			assertThat(line.getCell(5).getStringCellValue()).isEqualTo("支給　一郎");
			assertThat(line.getCell(7).getNumericCellValue()).isEqualTo(5_500.0);
			assertThat(sheet.getRow(4).getCell(7).getNumericCellValue()).isEqualTo(1_800.0);
			Row total = sheet.getRow(5);
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
			assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(4.0);
			assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(7_300.0);
		}
		assertThat(payments.export(admin, id, FileFormat.XLSX).content()).isEqualTo(xlsx);
		assertThatThrownBy(() -> payments.export(admin, id, FileFormat.ZENGIN)).isInstanceOf(PaymentProblem.class);
		assertThatThrownBy(() -> payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 20)))
			.isInstanceOfSatisfying(PaymentProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.format"));
		assertThat(audits("subsidy_payment_batch:" + id)).filteredOn("SUBSIDY_PAYMENT_BATCH_EXPORTED"::equals)
			.hasSize(4);
	}

	@Test
	void a_locked_batch_takes_no_new_claim() {
		long id = payments.closeNow(admin, 2026);
		byte[] csv = payments.export(admin, id, FileFormat.CSV).content();
		long later = fixture.claim(second, second.insured(), 2026, "APPROVED", 900, at("2026-11-16T00:30:00Z"));

		long next = payments.closeNow(admin, 2026);

		assertThat(next).isNotEqualTo(id);
		assertThat(batchOf(later)).isEqualTo(next);
		assertThat(payments.batch(admin, id).batch().claimCount()).isEqualTo(4);
		assertThat(payments.batch(admin, id).claims()).hasSize(4);
		assertThat(payments.batch(admin, next).batch().totalYen()).isEqualTo(900);
		assertThat(payments.export(admin, id, FileFormat.CSV).content()).isEqualTo(csv);
	}

	@Test
	void the_zengin_file_reads_back_byte_by_byte_with_the_batch_count_and_total() {
		subsidies.saveRules(admin, transferRules());
		sources.saveTransferSource(admin,
				new TransferSource("1234567890", "ケンコウホケンクミアイ", "０００１", "みずほ", "100", "ホンテン", "ORDINARY", "7654321"));
		fixture.payee(first, "0005", "201", "1234567", "シキュウ イチロウ");
		fixture.payee(second, "0009", "302", "765", "しきゅう　じろう");
		long id = payments.closeNow(admin, 2026);
		assertThatThrownBy(() -> payments.export(admin, id, FileFormat.ZENGIN)).isInstanceOfSatisfying(
				PaymentProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.transferNotMade"));

		byte[] file = payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 20)).content();

		List<String> records = records(file);
		assertThat(records).hasSize(5);
		String header = records.get(0);
		assertThat(header.substring(0, 4)).isEqualTo("1210");
		assertThat(header.substring(4, 14)).isEqualTo("1234567890");
		assertThat(header.substring(14, 54)).isEqualTo(pad("ｹﾝｺｳﾎｹﾝｸﾐｱｲ", 40));
		assertThat(header.substring(54, 58)).as("取組日: the 振込指定日 chosen, not today").isEqualTo("1120");
		assertThat(header.substring(58, 62)).isEqualTo("0001");
		assertThat(header.substring(62, 77)).isEqualTo(pad("ﾐｽﾞﾎ", 15));
		assertThat(header.substring(77, 80)).isEqualTo("100");
		assertThat(header.substring(95, 103)).isEqualTo("17654321");
		String one = records.get(1);
		assertThat(one.substring(0, 5)).isEqualTo("20005");
		assertThat(one.substring(20, 23)).isEqualTo("201");
		assertThat(one.substring(42, 50)).isEqualTo("11234567");
		assertThat(one.substring(50, 80)).isEqualTo(pad("ｼｷﾕｳ ｲﾁﾛｳ", 30));
		assertThat(one.substring(80, 90)).isEqualTo("0000005500");
		assertThat(one.substring(91, 101)).isEqualTo(pad("21101", 10));
		assertThat(one.charAt(111)).isEqualTo('7');
		String two = records.get(2);
		assertThat(two.substring(0, 5)).isEqualTo("20009");
		assertThat(two.substring(43, 50)).isEqualTo("0000765");
		assertThat(two.substring(50, 80)).isEqualTo(pad("ｼｷﾕｳ ｼﾞﾛｳ", 30));
		assertThat(two.substring(80, 90)).isEqualTo("0000001800");
		assertThat(records.get(3)).isEqualTo("8" + "000002" + "000000007300" + " ".repeat(101));
		assertThat(records.get(4)).isEqualTo("9" + " ".repeat(119));
		assertThat(payments.batch(admin, id).batch().status()).isEqualTo(BatchStatus.EXPORTED);
		assertThat(payments.batch(admin, id).batch().transferDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(payments.export(admin, id, FileFormat.ZENGIN).content()).isEqualTo(file);
		assertThat(payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 27)).content())
			.as("made once: another date later gives the same file")
			.isEqualTo(file);
		assertThat(payments.batch(admin, id).batch().transferDate()).isEqualTo(LocalDate.of(2026, 11, 20));
	}

	@Test
	void a_transfer_date_no_bank_takes_is_refused_and_nothing_is_locked() {
		subsidies.saveRules(admin, transferRules());
		sources.saveTransferSource(admin,
				new TransferSource("1234567890", "ｹﾝﾎﾟ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "ORDINARY", "7654321"));
		fixture.payee(first, "0005", "201", "1234567", "シキュウ イチロウ");
		fixture.payee(second, "0009", "302", "765", "シキュウ ジロウ");
		long id = payments.closeNow(admin, 2026);
		// Today is Monday 2026-11-16 in Japan.
		assertThat(refusal(id, null)).isEqualTo(TransferDates.MISSING);
		assertThat(refusal(id, LocalDate.of(2026, 11, 13))).isEqualTo(TransferDates.PAST);
		assertThat(refusal(id, LocalDate.of(2026, 11, 21))).as("Saturday").isEqualTo(TransferDates.WEEKEND);
		assertThat(refusal(id, LocalDate.of(2026, 11, 22))).as("Sunday").isEqualTo(TransferDates.WEEKEND);
		assertThat(refusal(id, LocalDate.of(2026, 12, 17))).isEqualTo(TransferDates.TOO_FAR);
		assertThat(payments.batch(admin, id).batch().status()).isEqualTo(BatchStatus.OPEN);
		assertThat(jdbc.sql("select count(*) from subsidy_payment_file where batch_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();

		byte[] sameDay = payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 16)).content();
		assertThat(records(sameDay).get(0).substring(54, 58)).as("today is allowed").isEqualTo("1116");
	}

	@Test
	void the_transfer_date_rule_takes_a_whole_month_ahead_and_no_more() {
		LocalDate today = LocalDate.of(2027, 1, 29);
		assertThat(TransferDates.problem(LocalDate.of(2027, 2, 26), today)).isNull();
		assertThat(TransferDates.problem(LocalDate.of(2027, 3, 1), today)).isEqualTo(TransferDates.TOO_FAR);
		assertThat(TransferDates.problem(today, today)).isNull();
		assertThat(TransferDates.problem(today.minusDays(1), today)).isEqualTo(TransferDates.PAST);
	}

	private String refusal(long batchId, LocalDate transferDate) {
		try {
			payments.makeTransferFile(admin, batchId, transferDate);
		}
		catch (PaymentProblem problem) {
			return problem.messageKey();
		}
		throw new AssertionError("accepted " + transferDate);
	}

	@Test
	void a_household_without_a_usable_account_is_named_and_nothing_is_locked() {
		subsidies.saveRules(admin, transferRules());
		sources.saveTransferSource(admin,
				new TransferSource("1234567890", "ｹﾝﾎﾟ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "ORDINARY", "7654321"));
		fixture.payee(first, "0005", "201", "1234567", "シキュウ イチロウ");
		Household third = fixture.household("21", "103", "B02", "大阪支店", "支給　三郎");
		fixture.payee(third, "0005", "201", "2345678", "支給サブロウ");
		fixture.claim(third, third.insured(), 2026, "APPROVED", 2_000, at("2026-11-14T01:00:00Z"));
		long id = payments.closeNow(admin, 2026);

		assertThat(payments.batch(admin, id).payeeProblems()).extracting(PayeeProblem::bango, PayeeProblem::reasonKey)
			.containsExactly(tuple("102", PaymentFiles.NO_ACCOUNT), tuple("103", PaymentFiles.NAME));
		assertThatThrownBy(() -> payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 20)))
			.isInstanceOfSatisfying(PaymentProblem.class,
					p -> assertThat(p.payees()).extracting(PayeeProblem::bango, PayeeProblem::character)
						.containsExactly(tuple("102", null), tuple("103", "支")));
		assertThat(payments.batch(admin, id).batch().status()).isEqualTo(BatchStatus.OPEN);
		assertThat(jdbc.sql("select count(*) from subsidy_payment_file where batch_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void marking_paid_makes_each_claim_paid_with_its_event_and_audit_rows() {
		long id = payments.closeNow(admin, 2026);
		assertThatThrownBy(() -> payments.markPaid(admin, id, 0, LocalDate.of(2026, 11, 16)))
			.isInstanceOf(PaymentProblem.class)
			.hasMessage("subsidy.payments.problem.notExported");
		payments.export(admin, id, FileFormat.CSV);
		int version = payments.batch(admin, id).batch().version();
		assertThatThrownBy(() -> payments.markPaid(admin, id, version, LocalDate.of(2026, 11, 17)))
			.hasMessage("subsidy.payments.problem.paidOnFuture");

		payments.markPaid(admin, id, version, LocalDate.of(2026, 11, 16));

		SubsidyPayments.Batch batch = payments.batch(admin, id).batch();
		assertThat(batch.status()).isEqualTo(BatchStatus.PAID);
		assertThat(batch.paidOn()).isEqualTo(LocalDate.of(2026, 11, 16));
		for (long claim : approved) {
			assertThat(
					jdbc.sql("select status from subsidy_claim where id = ?").param(claim).query(String.class).single())
				.isEqualTo("PAID");
			assertThat(jdbc.sql("select paid_on from subsidy_claim where id = ?")
				.param(claim)
				.query(LocalDate.class)
				.single()).isEqualTo(LocalDate.of(2026, 11, 16));
			assertThat(jdbc.sql("select actor_kind from subsidy_claim_event where claim_id = ? and status = 'PAID'")
				.param(claim)
				.query(String.class)
				.list()).containsExactly("STAFF");
			assertThat(audits("subsidy_claim:" + claim)).containsExactly("SUBSIDY_CLAIM_PAID");
		}
		assertThat(audits("subsidy_payment_batch:" + id)).contains("SUBSIDY_PAYMENT_BATCH_PAID");
		assertThatThrownBy(() -> payments.markPaid(admin, id, batch.version(), LocalDate.of(2026, 11, 16)))
			.hasMessage("subsidy.payments.problem.alreadyPaid");
	}

	@Test
	void reviewers_read_but_only_administrators_act_and_another_insurer_finds_nothing() {
		long id = payments.closeNow(admin, 2026);

		assertThat(payments.overview(reviewer, 2026).admin()).isFalse();
		assertThat(payments.batch(reviewer, id).admin()).isFalse();
		assertThatThrownBy(() -> payments.export(reviewer, id, FileFormat.CSV))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> payments.makeTransferFile(reviewer, id, LocalDate.of(2026, 11, 20)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> payments.closeNow(reviewer, 2026)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> payments.markPaid(reviewer, id, 0, LocalDate.of(2026, 11, 16)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> sources.transferSource(reviewer)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> payments.overview(new StaffActor("op", StaffActor.OPERATOR, null), 2026))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(payments.batch(admin, id).batch().status()).isEqualTo(BatchStatus.OPEN);

		Tenant other = TestTenants.create(tenants, "よその支給健保");
		StaffActor otherAdmin = new StaffActor("other-admin", StaffActor.TENANT_ADMIN, other.id());
		assertThatThrownBy(() -> payments.batch(otherAdmin, id)).isInstanceOf(BatchNotFound.class);
		assertThatThrownBy(() -> payments.export(otherAdmin, id, FileFormat.CSV)).isInstanceOf(BatchNotFound.class);
		assertThatThrownBy(() -> payments.makeTransferFile(otherAdmin, id, LocalDate.of(2026, 11, 20)))
			.isInstanceOf(BatchNotFound.class);
		assertThatThrownBy(() -> payments.markPaid(otherAdmin, id, 0, LocalDate.of(2026, 11, 16)))
			.isInstanceOf(BatchNotFound.class);
		assertThat(payments.overview(otherAdmin, 2026).batches()).isEmpty();
		assertThat(payments.overview(otherAdmin, 2026).waitingCount()).isZero();
	}

	@Test
	void the_transfer_source_is_checked_field_by_field_and_stored_in_half_width_kana() {
		assertThatThrownBy(() -> sources.saveTransferSource(admin,
				new TransferSource("12345", "健康保険組合", "0001", "ミズホ", "1a0", "ホンテン", "ORDINARY", "12345678")))
			.isInstanceOfSatisfying(TransferSourceRejected.class, r -> assertThat(r.problems())
				.containsOnlyKeys("requesterCode", "requesterName", "branchCode", "accountNumber"));
		assertThat(sources.transferSource(admin)).isNull();

		sources.saveTransferSource(admin,
				new TransferSource("１２３４５６７８９０", "けんぽ　クミアイ", "0001", "ミズホ", "100", "ホンテン", "SAVINGS", "123"));

		assertThat(sources.transferSource(admin))
			.isEqualTo(new TransferSource("1234567890", "ｹﾝﾎﾟ ｸﾐｱｲ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "SAVINGS", "123"));
		assertThat(audits("subsidy_transfer_source")).contains("SUBSIDY_TRANSFER_SOURCE_CHANGED",
				"SUBSIDY_TRANSFER_SOURCE_VIEWED");
	}

	private SubsidyRules transferRules() {
		return TestRules.paidBy(PaymentRoute.BANK_TRANSFER);
	}

	/** The records of a 全銀 file: 120 bytes each, CRLF between, none after the last. */
	private static List<String> records(byte[] file) {
		List<String> out = new ArrayList<>();
		int at = 0;
		while (at < file.length) {
			byte[] record = Arrays.copyOfRange(file, at, at + ZenginTransferFile.RECORD);
			assertThat(record).hasSize(ZenginTransferFile.RECORD);
			out.add(new String(record, SJIS));
			at += ZenginTransferFile.RECORD;
			if (at < file.length) {
				assertThat(file[at]).isEqualTo((byte) '\r');
				assertThat(file[at + 1]).isEqualTo((byte) '\n');
				at += 2;
			}
		}
		out.forEach(r -> assertThat(r).hasSize(ZenginTransferFile.RECORD));
		return out;
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

	private Long batchOf(long claim) {
		return jdbc.sql("select batch_id from subsidy_claim where id = ?")
			.param(claim)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private int batched() {
		return jdbc.sql("select count(*) from subsidy_claim where tenant_id = ? and batch_id is not null")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

	private List<String> audits(String target) {
		return jdbc.sql("select type from audit_event where tenant_id = ? and target = ? order by id")
			.params(tenant.id(), target)
			.query(String.class)
			.list();
	}

}
