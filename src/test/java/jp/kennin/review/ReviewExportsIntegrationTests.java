package jp.kennin.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review results' downloads as staff get them: one household whose four dependents
 * were decided 継続, 削除 (a reviewer's proposal a TENANT_ADMIN approved), 削除 (proposed only)
 * and 保留. Files are read back as Excel users and core systems read them: Windows-31J or
 * UTF-8 with BOM through Commons CSV, XLSX through POI.
 */
@KenninIntegrationTest
class ReviewExportsIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private static final String BASE = "/admin/campaigns/{id}/review/exports/";

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
	ReviewExports exports;

	private Tenant tenant;

	private String bango;

	private long campaignId;

	private long formId;

	private Instant approvedAt;

	@BeforeEach
	void setUp() throws Exception {
		tenant = TestTenants.create(tenants, "出力テスト健保");
		bango = "x" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "出力 太郎", "シュツリョク タロウ", 1970,
						"export@example.jp"),
						person("01", false, "妻", RelationshipCategory.SPOUSE, "出力 花子", "シュツリョク ハナコ", 1972, null),
						person("02", false, "長男", RelationshipCategory.CHILD, "=出力 一郎", "シュツリョク イチロウ", 2001, null),
						person("03", false, "長女", RelationshipCategory.CHILD, "出力 二葉", "シュツリョク フタバ", 2003, null),
						person("04", false, "次男", RelationshipCategory.CHILD, "出力 三郎", "シュツリョク サブロウ", 2005, null)));
		Instant opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		Instant deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		clock.setInstant(opens.plus(Duration.ofDays(1)));
		submit();
		ReviewActor reviewer = new ReviewActor(tenant.id(), "reviewer-x", "REVIEWER", "10.0.0.1");
		ReviewActor admin = new ReviewActor(tenant.id(), "admin-x", "TENANT_ADMIN", "10.0.0.2");
		reviews.start(reviewer, formId);
		reviews.decide(reviewer, formId, version(), dependent("01"),
				new DependentDecision(Decision.CONTINUE, null, null, null));
		reviews.decide(reviewer, formId, version(), dependent("02"),
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 6, 1), LossReason.EMPLOYMENT, "就職のため"));
		reviews.decide(reviewer, formId, version(), dependent("03"),
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 7, 1), LossReason.MARRIAGE, null));
		reviews.decide(reviewer, formId, version(), dependent("04"),
				new DependentDecision(Decision.HOLD, null, null, "在学証明書待ち\n来週届く予定"));
		// The approval comes days after the proposal: 決定日 is the day it became final.
		clock.setInstant(opens.plus(Duration.ofDays(5)));
		approvedAt = clock.instant();
		reviews.approveRemoval(admin, formId, version(), dependent("02"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_removal_list_holds_only_the_approved_removal_with_every_column_in_windows_31j() throws Exception {
		MockHttpServletResponse response = download("removals.csv?encoding=sjis", TestStaff.tenantAdmin(tenant.id()));
		assertThat(response.getContentType()).startsWith("text/csv").endsWith("charset=Windows-31J");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''" + "2026%E5%B9%B4%E5%BA%A6");
		List<CSVRecord> records = csv(response.getContentAsByteArray(), WINDOWS_31J);
		assertThat(records.get(0).toList()).isEqualTo(ReviewExports.REMOVAL_COLUMNS);
		assertThat(records).hasSize(2);
		assertThat(records.get(1).toList()).containsExactly("9", bango, "02", "出力 太郎", "'=出力 一郎", "シュツリョク\u3000イチロウ",
				"2001/04/01", "長男", "2026/06/01", "就職", JapanTime.of(approvedAt).toLocalDate().format(SLASHES),
				"admin-x", "100", "本社", "確定", "");
	}

	@Test
	void the_utf8_removal_list_starts_with_a_byte_order_mark() throws Exception {
		byte[] body = download("removals.csv?encoding=utf8", TestStaff.reviewer(tenant.id())).getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = csv(Arrays.copyOfRange(body, 3, body.length), StandardCharsets.UTF_8);
		assertThat(records).hasSize(2);
		assertThat(records.get(1).get(4)).isEqualTo("'=出力 一郎");
		assertThat(records.get(1).get(9)).isEqualTo("就職");
	}

	@Test
	void the_xlsx_removal_list_opens_with_the_header_frozen_and_real_dates() throws Exception {
		MockHttpServletResponse response = download("removals.xlsx", TestStaff.tenantAdmin(tenant.id()));
		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("削除対象者一覧");
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			Row header = sheet.getRow(0);
			for (int i = 0; i < ReviewExports.REMOVAL_COLUMNS.size(); i++) {
				assertThat(header.getCell(i).getStringCellValue()).isEqualTo(ReviewExports.REMOVAL_COLUMNS.get(i));
			}
			assertThat(sheet.getColumnWidth(3)).isEqualTo(18 * 256);
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("9");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("02");
			// A string cell is never a formula in a workbook: the name stays as it is.
			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("=出力 一郎");
			assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
			assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2001, 4, 1));
			assertThat(row.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 1));
			assertThat(row.getCell(9).getStringCellValue()).isEqualTo("就職");
			assertThat(row.getCell(11).getStringCellValue()).isEqualTo("admin-x");
		}
	}

	@Test
	void the_determinations_list_every_decided_dependent_with_its_determination() throws Exception {
		List<CSVRecord> records = csv(
				download("determinations.csv", TestStaff.reviewer(tenant.id())).getContentAsByteArray(), WINDOWS_31J);
		assertThat(records.get(0).toList()).isEqualTo(ReviewExports.DETERMINATION_COLUMNS);
		List<CSVRecord> rows = records.subList(1, records.size());
		assertThat(rows).extracting(r -> r.get(2)).containsExactly("01", "02", "03", "04");
		assertThat(rows).extracting(r -> r.get(14)).containsExactly("継続", "削除", "削除（承認待ち）", "保留");
		assertThat(rows.get(2).get(9)).isEqualTo("婚姻");
		assertThat(rows.get(2).get(11)).isEqualTo("reviewer-x");
		assertThat(rows.get(0).get(8)).isEmpty();
		assertThat(rows.get(3).get(15)).isEqualTo("在学証明書待ち 来週届く予定");
	}

	@Test
	void every_download_is_audited_with_its_row_count_format_and_encoding() throws Exception {
		download("removals.csv?encoding=utf8", TestStaff.tenantAdmin(tenant.id()));
		download("removals.xlsx", TestStaff.tenantAdmin(tenant.id()));
		download("determinations.csv", TestStaff.reviewer(tenant.id()));
		List<String> events = jdbc.sql("""
				select type || ' ' || details from audit_event
				where tenant_id = ? and target = ? and type like '%EXPORTED' order by id""")
			.params(tenant.id(), "campaign:" + campaignId)
			.query(String.class)
			.list();
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).startsWith("REMOVALS_EXPORTED").contains("rows=1", "format=csv", "encoding=UTF-8");
		assertThat(events.get(1)).startsWith("REMOVALS_EXPORTED").contains("rows=1", "format=xlsx");
		assertThat(events.get(2)).startsWith("DETERMINATIONS_EXPORTED")
			.contains("rows=4", "format=csv", "encoding=Windows-31J");
	}

	@Test
	void the_review_queue_links_every_download() throws Exception {
		String page = mvc.perform(get("/admin/campaigns/{id}/review", campaignId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String base = "/admin/campaigns/" + campaignId + "/review/exports/";
		assertThat(page).contains("結果の出力", base + "removals.csv?encoding=sjis", base + "removals.csv?encoding=utf8",
				base + "removals.xlsx", base + "determinations.csv?encoding=sjis", base + "determinations.xlsx");
	}

	@Test
	void a_download_that_breaks_off_is_still_recorded_with_the_rows_written() throws Exception {
		ReviewActor admin = new ReviewActor(tenant.id(), "admin-x", "TENANT_ADMIN", "10.0.0.2");
		ReviewExports.Download download = exports.export(admin, campaignId, ReviewExports.Kind.DETERMINATIONS,
				ReviewExports.Format.CSV_UTF8);
		OutputStream gone = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				throw new IOException("connection reset");
			}

		};
		assertThatThrownBy(() -> download.body().writeTo(gone)).isInstanceOf(IOException.class);
		assertThat(jdbc.sql("select details from audit_event where target = ? and type = 'DETERMINATIONS_EXPORTED'")
			.param("campaign:" + campaignId)
			.query(String.class)
			.single()).contains("complete=false");
	}

	@Test
	void another_insurers_staff_find_nothing_and_members_and_strangers_are_refused() throws Exception {
		Tenant other = TestTenants.create(tenants, "他の健保");
		for (String file : List.of("removals.csv", "removals.xlsx", "determinations.csv", "determinations.xlsx")) {
			mvc.perform(get(BASE + file, campaignId).with(TestStaff.tenantAdmin(other.id())))
				.andExpect(status().isNotFound());
			mvc.perform(get(BASE + file, campaignId).with(TestStaff.operator())).andExpect(status().isForbidden());
			mvc.perform(get(BASE + file, campaignId).with(member())).andExpect(status().isForbidden());
			mvc.perform(get(BASE + file, campaignId)).andExpect(status().is3xxRedirection());
		}
		assertThat(jdbc.sql("select count(*) from audit_event where target = ? and type like '%EXPORTED'")
			.param("campaign:" + campaignId)
			.query(Integer.class)
			.single()).isZero();
	}

	private MockHttpServletResponse download(String file, RequestPostProcessor staff) throws Exception {
		return mvc.perform(get(BASE + file, campaignId).with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private static List<CSVRecord> csv(byte[] body, Charset charset) throws IOException {
		return CSVFormat.EXCEL.parse(new StringReader(new String(body, charset))).getRecords();
	}

	private RequestPostProcessor member() {
		return TestMember.of(tenant.id(), "9", bango);
	}

	/** Answers every dependent 手続き中 (no document needed) and submits, as the member. */
	private void submit() throws Exception {
		for (String edaban : List.of("01", "02", "03", "04")) {
			long d = dependent(edaban);
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(member())
				.with(csrf())
				.param("version", String.valueOf(answerVersion(d)))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(member())
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/survey/{f}/submit", formId).with(member()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	private int version() {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private long dependent(String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, String kana, int year, String email) {
		return new RosterPerson(0, 0, "9", bango, edaban, insured, relationship, category, name, kana,
				LocalDate.of(year, 4, 1), Gender.FEMALE, email, "100", "本社", insured ? null : true, null, true);
	}

}
