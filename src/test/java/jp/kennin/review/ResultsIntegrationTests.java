package jp.kennin.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.ApiPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.roster.internal.ApiTokens;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.document.internal.TestFiles;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14's results beyond the removal list: the non-respondents and the per-office
 * statistics as files, the core-system API (paging, {@code since}, scopes, tenant
 * isolation, CSV layout), the closing rule for households that did not submit and the
 * rebuttal window, with an injected clock. Three households: A (office 100) submits and
 * is reviewed (妻 継続, 長男 削除 proposed by a reviewer and approved), B and C (office 200)
 * never submit; C's insured person has a member account.
 */
@KenninIntegrationTest
class ResultsIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final String EXPORTS = "/admin/campaigns/{id}/review/exports/";

	private static final String API = "/api/v1/campaigns/{id}/determinations";

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
	ApiTokens tokens;

	private Tenant tenant;

	private String prefix;

	private long campaignId;

	private long formA;

	private Instant opens;

	private Instant deadline;

	private ReviewActor reviewer;

	private ReviewActor admin;

	@BeforeEach
	void setUp() throws Exception {
		tenant = TestTenants.create(tenants, "結果テスト健保");
		prefix = "q" + SEQ.incrementAndGet();
		reviewer = new ReviewActor(tenant.id(), "reviewer-r", "REVIEWER", "10.0.0.9");
		admin = new ReviewActor(tenant.id(), "admin-r", "TENANT_ADMIN", "10.0.0.8");
		List<RosterPerson> people = new ArrayList<>();
		people.add(person("a", "00", true, "本人", RelationshipCategory.SELF, "結果 太郎", "100", "本社", "res-a@example.jp"));
		people.add(person("a", "01", false, "妻", RelationshipCategory.SPOUSE, "結果 花子", "100", "本社", null));
		people.add(person("a", "02", false, "長男", RelationshipCategory.CHILD, "結果 一郎", "100", "本社", null));
		people.add(person("b", "00", true, "本人", RelationshipCategory.SELF, "=未提出 次郎", "200", "支店", null));
		people.add(person("b", "01", false, "妻", RelationshipCategory.SPOUSE, "未提出 良子", "200", "支店", null));
		people.add(person("c", "00", true, "本人", RelationshipCategory.SELF, "登録 三郎", "200", "支店", null));
		people.add(person("c", "01", false, "長女", RelationshipCategory.CHILD, "登録 桜", "200", "支店", null));
		people.add(person("c", "02", false, "次女", RelationshipCategory.CHILD, "登録 楓", "200", "支店", null));
		roster.upsert(tenant.id(), people);
		opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		formA = form("a");
		// C's insured person signed up.
		long personC = jdbc.sql("select id from roster_person where tenant_id = ? and bango = ? and edaban = '00'")
			.params(tenant.id(), prefix + "c")
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email,
				  status, created_at, updated_at) values (?, ?, ?, ?, 'x', 'c@example.jp', 'ACTIVE', ?, ?)""")
			.params(tenant.id(), personC, prefix + "user", prefix + "user", Timestamp.from(opens),
					Timestamp.from(opens))
			.update();
		clock.setInstant(opens.plus(Duration.ofDays(1)));
		submit(formA, List.of(dependent(formA, "01"), dependent(formA, "02")));
		reviews.start(reviewer, formA);
		reviews.decide(reviewer, formA, version(formA), dependent(formA, "01"),
				new DependentDecision(Decision.CONTINUE, null, null, null));
		reviews.decide(reviewer, formA, version(formA), dependent(formA, "02"),
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 6, 1), LossReason.EMPLOYMENT, null));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	// --- exports ---

	@Test
	void the_non_respondents_list_names_each_household_that_did_not_submit_by_office() throws Exception {
		MockHttpServletResponse response = download("non-respondents.csv?encoding=sjis",
				TestStaff.reviewer(tenant.id()));
		assertThat(response.getContentType()).isEqualTo("text/csv; charset=Windows-31J");
		List<CSVRecord> records = csv(response.getContentAsByteArray(), WINDOWS_31J);
		assertThat(records.get(0).toList()).isEqualTo(ReviewExports.NON_RESPONDENT_COLUMNS);
		assertThat(records).hasSize(3);
		assertThat(records.get(1).toList()).containsExactly("200", "支店", "9", prefix + "b", "'=未提出 次郎", "ケッカ\u3000タロウ",
				"1", "未着手", "未登録");
		assertThat(records.get(2).toList()).containsExactly("200", "支店", "9", prefix + "c", "登録 三郎", "ケッカ\u3000タロウ",
				"2", "未着手", "登録済");

		try (XSSFWorkbook book = xlsx("non-respondents.xlsx")) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("未提出者一覧");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("登録");
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo(prefix + "c");
			assertThat(sheet.getRow(2).getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(sheet.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(2.0);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("=未提出 次郎");
		}
	}

	@Test
	void the_statistics_count_targets_registered_submitted_returned_decided_and_removed_per_office_with_a_total()
			throws Exception {
		reviews.approveRemoval(admin, formA, version(formA), dependent(formA, "02"));
		byte[] body = download("statistics.csv?encoding=utf8", TestStaff.tenantAdmin(tenant.id()))
			.getContentAsByteArray();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = csv(Arrays.copyOfRange(body, 3, body.length), StandardCharsets.UTF_8);
		assertThat(records.get(0).toList()).isEqualTo(ReviewExports.STATISTICS_COLUMNS);
		assertThat(records.get(1).toList()).containsExactly("100", "本社", "1", "2", "0", "1", "0", "2", "1");
		assertThat(records.get(2).toList()).containsExactly("200", "支店", "2", "3", "1", "0", "0", "0", "0");
		assertThat(records.get(3).toList()).containsExactly("", "合計", "3", "5", "1", "1", "0", "2", "1");

		try (XSSFWorkbook book = xlsx("statistics.xlsx")) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("事業所別集計");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(5.0);
		}
		List<String> events = exportEvents();
		assertThat(events).anyMatch(e -> e.startsWith("STATISTICS_EXPORTED") && e.contains("rows=3")
				&& e.contains("format=csv") && e.contains("encoding=UTF-8"));
		assertThat(events).anyMatch(e -> e.startsWith("STATISTICS_EXPORTED") && e.contains("format=xlsx"));
	}

	@Test
	void every_export_is_audited_with_its_row_count() throws Exception {
		download("non-respondents.csv", TestStaff.reviewer(tenant.id()));
		download("removals.csv", TestStaff.reviewer(tenant.id()));
		download("determinations.xlsx", TestStaff.reviewer(tenant.id()));
		List<String> events = exportEvents();
		assertThat(events).anyMatch(e -> e.startsWith("NON_RESPONDENTS_EXPORTED") && e.contains("rows=2"));
		assertThat(events).anyMatch(e -> e.startsWith("REMOVALS_EXPORTED") && e.contains("rows=0"));
		assertThat(events).anyMatch(e -> e.startsWith("DETERMINATIONS_EXPORTED") && e.contains("rows=2"));
	}

	@Test
	void another_insurers_staff_find_no_new_export_and_operators_are_refused() throws Exception {
		Tenant other = TestTenants.create(tenants, "他の結果健保");
		for (String file : List.of("non-respondents.csv", "non-respondents.xlsx", "statistics.csv",
				"statistics.xlsx")) {
			mvc.perform(get(EXPORTS + file, campaignId).with(TestStaff.tenantAdmin(other.id())))
				.andExpect(status().isNotFound());
			mvc.perform(get(EXPORTS + file, campaignId).with(TestStaff.operator())).andExpect(status().isForbidden());
		}
	}

	// --- the core-system API ---

	@Test
	void the_api_pages_through_every_determination_in_change_order_and_then_returns_only_what_changed()
			throws Exception {
		String token = token(tenant, ApiPrincipal.RESULTS_READ);
		// The 妻's decision is older than the 長男's proposal: change order.
		String first = api(token, "?limit=1");
		assertThat((Integer) JsonPath.read(first, "$.count")).isEqualTo(1);
		assertThat((Boolean) JsonPath.read(first, "$.more")).isTrue();
		assertThat((String) JsonPath.read(first, "$.determinations[0].edaban")).isEqualTo("01");
		assertThat((String) JsonPath.read(first, "$.determinations[0].determination")).isEqualTo("CONTINUE");
		String next = JsonPath.read(first, "$.next");
		assertThat(next).startsWith("/api/v1/campaigns/" + campaignId + "/determinations?cursor=");
		String second = mvc.perform(get(next).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(second, "$.determinations[0].edaban")).isEqualTo("02");
		assertThat((Boolean) JsonPath.read(second, "$.determinations[0].proposed")).isTrue();
		assertThat((String) JsonPath.read(second, "$.determinations[0].reason")).isEqualTo("EMPLOYMENT");
		assertThat((String) JsonPath.read(second, "$.determinations[0].reasonLabel")).isEqualTo("就職");
		assertThat((String) JsonPath.read(second, "$.determinations[0].lossDate")).isEqualTo("2026-06-01");
		String cursor = JsonPath.read(second, "$.nextCursor");
		String empty = api(token, "?cursor=" + cursor);
		assertThat((Integer) JsonPath.read(empty, "$.count")).isZero();
		assertThat((Boolean) JsonPath.read(empty, "$.more")).isFalse();

		// A day later the proposal is approved: only that row comes with the last cursor.
		clock.advance(Duration.ofDays(1));
		Instant beforeApproval = clock.instant();
		reviews.approveRemoval(admin, formA, version(formA), dependent(formA, "02"));
		String changed = api(token, "?cursor=" + cursor);
		assertThat((Integer) JsonPath.read(changed, "$.count")).isEqualTo(1);
		assertThat((String) JsonPath.read(changed, "$.determinations[0].edaban")).isEqualTo("02");
		assertThat((Boolean) JsonPath.read(changed, "$.determinations[0].proposed")).isFalse();
		assertThat((String) JsonPath.read(changed, "$.determinations[0].removalState")).isEqualTo("FINAL");
		assertThat((String) JsonPath.read(changed, "$.determinations[0].decidedBy")).isEqualTo("admin-r");

		// since= gives the same from an instant.
		String since = api(token, "?since=" + beforeApproval.minusSeconds(1));
		assertThat((Integer) JsonPath.read(since, "$.count")).isEqualTo(1);
		assertThat((String) JsonPath.read(since, "$.determinations[0].edaban")).isEqualTo("02");

		assertThat(jdbc.sql("""
				select details from audit_event where tenant_id = ? and type = 'DETERMINATIONS_API_READ'
				order by id""").param(tenant.id()).query(String.class).list()).hasSize(5)
			.first()
			.asString()
			.contains("rows=1", "format=json");
	}

	@Test
	void the_api_csv_has_exactly_the_determinations_layout() throws Exception {
		String token = token(tenant, ApiPrincipal.RESULTS_READ);
		MockHttpServletResponse byParameter = mvc
			.perform(get(API + "?format=csv", campaignId).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(byParameter.getContentType()).isEqualTo("text/csv; charset=UTF-8");
		assertThat(byParameter.getHeader("Link")).contains("rel=\"next\"").contains("format=csv");
		List<CSVRecord> records = csv(byParameter.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(records.get(0).toList()).isEqualTo(ReviewExports.DETERMINATION_COLUMNS);
		assertThat(records).hasSize(3);
		assertThat(records.get(2).get(2)).isEqualTo("02");
		assertThat(records.get(2).get(8)).isEqualTo("2026/06/01");
		assertThat(records.get(2).get(14)).isEqualTo("削除（承認待ち）");

		MockHttpServletResponse byAccept = mvc
			.perform(get(API, campaignId).header("Authorization", "Bearer " + token).header("Accept", "text/csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(byAccept.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(byParameter.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void a_roster_only_token_another_insurers_token_and_no_token_are_refused() throws Exception {
		mvc.perform(get(API, campaignId).header("Authorization", "Bearer " + token(tenant, ApiPrincipal.ROSTER_IMPORT)))
			.andExpect(status().isForbidden());
		Tenant other = TestTenants.create(tenants, "他の基幹健保");
		mvc.perform(get(API, campaignId).header("Authorization", "Bearer " + token(other, ApiPrincipal.RESULTS_READ)))
			.andExpect(status().isNotFound());
		mvc.perform(get(API, campaignId)).andExpect(status().isUnauthorized());
		mvc.perform(get(API, campaignId).header("Authorization", "Bearer kennin_nothing"))
			.andExpect(status().isUnauthorized());
		// A results-only token does not import rosters.
		mvc.perform(post("/api/v1/roster/imports?mode=delta")
			.header("Authorization", "Bearer " + token(tenant, ApiPrincipal.RESULTS_READ))
			.contentType("text/csv")
			.content("x")).andExpect(status().isForbidden());
		mvc.perform(get(API + "?cursor=nonsense", campaignId).header("Authorization",
				"Bearer " + token(tenant, ApiPrincipal.RESULTS_READ)))
			.andExpect(status().isBadRequest());
		mvc.perform(get(API + "?since=yesterday", campaignId).header("Authorization",
				"Bearer " + token(tenant, ApiPrincipal.RESULTS_READ)))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'DETERMINATIONS_API_READ' and target = ?")
			.param("campaign:" + campaignId)
			.query(Integer.class)
			.single()).isZero();
	}

	// --- rebuttal window ---

	@Test
	void with_a_rebuttal_window_an_approved_removal_is_scheduled_until_the_window_ends_then_final() throws Exception {
		reviews.changeSettings(admin, reviews.settings(tenant.id()).withRebuttalDays(14));
		// Approved on 2026-08-05 (Japan): 削除予定 through 2026-08-19, 確定 from 2026-08-20.
		clock.setInstant(ZonedDateTime.of(2026, 8, 5, 10, 0, 0, 0, JapanTime.ZONE).toInstant());
		reviews.approveRemoval(admin, formA, version(formA), dependent(formA, "02"));
		String token = token(tenant, ApiPrincipal.RESULTS_READ);
		String page = api(token, "");
		String cursor = JsonPath.read(page, "$.nextCursor");
		assertThat((List<String>) JsonPath.read(page, "$.determinations[?(@.edaban == '02')].removalState"))
			.containsExactly("SCHEDULED");
		assertThat((List<String>) JsonPath.read(page, "$.determinations[?(@.edaban == '02')].rebuttalLastDay"))
			.containsExactly("2026-08-19");
		List<CSVRecord> removals = csv(
				download("removals.csv", TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray(), WINDOWS_31J);
		assertThat(removals.get(1).get(14)).isEqualTo("予定");
		assertThat(removals.get(1).get(15)).isEqualTo("2026/08/19");

		clock.setInstant(ZonedDateTime.of(2026, 8, 19, 23, 59, 0, 0, JapanTime.ZONE).toInstant());
		assertThat((Integer) JsonPath.read(api(token, "?cursor=" + cursor), "$.count")).isZero();

		clock.setInstant(ZonedDateTime.of(2026, 8, 20, 0, 0, 1, 0, JapanTime.ZONE).toInstant());
		String after = api(token, "?cursor=" + cursor);
		assertThat((Integer) JsonPath.read(after, "$.count")).isEqualTo(1);
		assertThat((String) JsonPath.read(after, "$.determinations[0].removalState")).isEqualTo("FINAL");
		List<CSVRecord> determinations = csv(
				download("determinations.csv", TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray(),
				WINDOWS_31J);
		assertThat(determinations.get(2).get(16)).isEqualTo("確定");
		assertThat(determinations.get(1).get(16)).isEmpty();
		// Once final it does not come again.
		assertThat((Integer) JsonPath.read(api(token, "?cursor=" + JsonPath.read(after, "$.nextCursor")), "$.count"))
			.isZero();
	}

	@Test
	void without_a_rebuttal_window_an_approved_removal_is_final_at_once() throws Exception {
		reviews.approveRemoval(admin, formA, version(formA), dependent(formA, "02"));
		List<CSVRecord> removals = csv(
				download("removals.csv", TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray(), WINDOWS_31J);
		assertThat(removals.get(0).toList()).isEqualTo(ReviewExports.REMOVAL_COLUMNS);
		assertThat(removals.get(1).get(14)).isEqualTo("確定");
		assertThat(removals.get(1).get(15)).isEmpty();
	}

	@Test
	void the_member_is_told_sees_the_scheduled_removal_and_a_response_reopens_the_review() throws Exception {
		reviews.changeSettings(admin, reviews.settings(tenant.id()).withRebuttalDays(14));
		clock.setInstant(ZonedDateTime.of(2026, 8, 5, 10, 0, 0, 0, JapanTime.ZONE).toInstant());
		reviews.approveRemoval(admin, formA, version(formA), dependent(formA, "02"));
		reviews.complete(admin, formA, version(formA));
		assertThat(jdbc.sql("select body from mail_outbox where to_address = 'res-a@example.jp' and subject like ?")
			.param("%削除予定%")
			.query(String.class)
			.single()).contains("結果 一郎", "2026年8月19日", "/survey/removals");
		RequestPostProcessor member = TestMember.of(tenant.id(), "9", prefix + "a");
		String page = mvc.perform(get("/survey/removals").with(member))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("結果 一郎", "2026年8月19日", "就職");
		long decision = jdbc.sql("select rd.id from review_decision rd where rd.dependent_id = ?")
			.param(dependent(formA, "02"))
			.query(Long.class)
			.single();
		// An empty message comes back with its message, nothing changes.
		String refused = mvc
			.perform(post("/survey/removals/{id}", decision).with(member).with(csrf()).param("message", " "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("ご事情・ご意見を入力してください。");
		// A file Kennin does not keep: the reason next to the file field, the message
		// kept,
		// nothing changed.
		String rejected = mvc
			.perform(multipart("/survey/removals/{id}", decision)
				.file(new MockMultipartFile("files", "setsumei.exe", "application/octet-stream",
						"MZ not a document".getBytes(StandardCharsets.UTF_8)))
				.with(member)
				.with(csrf())
				.param("message", "8月から扶養の範囲内のパートに変わりました。"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("id=\"files-" + decision + "-error\"", "ファイルを選び直して", "8月から扶養の範囲内のパートに変わりました。");
		assertThat(jdbc.sql("select decision from review_decision where id = ?")
			.param(decision)
			.query(String.class)
			.single()).isEqualTo("REMOVE");
		// The campaign is long closed; the response brings its certificate all the same.
		mvc.perform(multipart("/survey/removals/{id}", decision)
			.file(new MockMultipartFile("files", "kyuyo.pdf", "application/pdf", TestFiles.pdf(1)))
			.with(member)
			.with(csrf())
			.param("message", "8月から扶養の範囲内のパートに変わりました。")).andExpect(status().is3xxRedirection());
		assertThat(jdbc
			.sql("select d.original_name from uploaded_document d join roster_person p on p.id = d.subject_person_id "
					+ "where d.tenant_id = ? and p.edaban = '02' and d.owner_key = ?")
			.params(tenant.id(), "9:" + prefix + "a")
			.query(String.class)
			.list()).contains("kyuyo.pdf");
		mvc.perform(get("/admin/campaigns/{id}/review", campaignId).with(TestStaff.reviewer(tenant.id()))
			.param("tab", "IN_REVIEW"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rebuttal-" + formA + "\"")));
		assertThat(jdbc.sql("select decision from review_decision where id = ?")
			.param(decision)
			.query(String.class)
			.optional()).isEmpty();
		assertThat(jdbc.sql("select rebuttal_message from review_decision where id = ?")
			.param(decision)
			.query(String.class)
			.single()).isEqualTo("8月から扶養の範囲内のパートに変わりました。");
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formA).query(String.class).single())
			.isEqualTo("IN_REVIEW");
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'REBUTTAL_RECEIVED' and target = ?")
			.param("survey_form:" + formA)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The core system sees the dependent undecided again.
		String api = api(token(tenant, ApiPrincipal.RESULTS_READ), "");
		assertThat((List<Object>) JsonPath.read(api, "$.determinations[?(@.edaban == '02')].determination"))
			.containsExactly((Object) null);
		// After the window nothing is offered any more.
		reviews.decide(admin, formA, version(formA), dependent(formA, "02"),
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 6, 1), LossReason.EMPLOYMENT, "再確認"));
		clock.setInstant(ZonedDateTime.of(2026, 9, 1, 0, 0, 0, 0, JapanTime.ZONE).toInstant());
		mvc.perform(post("/survey/removals/{id}", decision).with(member).with(csrf()).param("message", "まだです"))
			.andExpect(status().isOk());
		assertThat(jdbc.sql("select decision from review_decision where id = ?")
			.param(decision)
			.query(String.class)
			.single()).isEqualTo("REMOVE");
	}

	// --- closing ---

	@Test
	void closing_under_the_remove_rule_proposes_the_removal_of_every_non_responder_for_approval() throws Exception {
		mvc.perform(
				post("/admin/campaigns/{id}/non-responder-rule", campaignId).with(TestStaff.tenantAdmin(tenant.id()))
					.with(csrf())
					.param("rule", "REMOVE"))
			.andExpect(status().is3xxRedirection());
		clock.setInstant(deadline.plus(Duration.ofMinutes(5)));
		campaigns.close(tenant.id(), campaignId);

		List<CSVRecord> rows = csv(
				download("determinations.csv", TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray(),
				WINDOWS_31J);
		List<CSVRecord> unsubmitted = rows.subList(1, rows.size())
			.stream()
			.filter(r -> !r.get(1).equals(prefix + "a"))
			.toList();
		assertThat(unsubmitted).hasSize(3);
		assertThat(unsubmitted).allSatisfy(r -> {
			assertThat(r.get(14)).isEqualTo("削除（承認待ち）");
			assertThat(r.get(9)).isEqualTo("未提出");
			// The deadline was 2026-09-17: the first day of the following month.
			assertThat(r.get(8)).isEqualTo("2026/10/01");
		});
		assertThat(jdbc.sql("select details from audit_event where type = 'NON_RESPONDERS_HANDLED' and target = ?")
			.param("campaign:" + campaignId)
			.query(String.class)
			.single()).contains("rule=REMOVE", "forms=2", "dependents=3", "lossDate=2026-10-01");

		// Four eyes: a TENANT_ADMIN approves each proposal; then it is on the removal
		// list.
		long formB = form("b");
		reviews.approveRemoval(admin, formB, version(formB), dependent(formB, "01"));
		List<CSVRecord> removals = csv(
				download("removals.csv", TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray(), WINDOWS_31J);
		assertThat(removals).extracting(r -> r.get(1)).containsExactly("番号", prefix + "b");
		assertThat(removals.get(1).get(9)).isEqualTo("未提出");
		// The survey form itself stays 未提出.
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formB).query(String.class).single())
			.isEqualTo("NOT_STARTED");
	}

	@Test
	void closing_under_the_default_hold_rule_puts_every_non_responder_on_hold_once() throws Exception {
		clock.setInstant(deadline.plus(Duration.ofMinutes(5)));
		campaigns.close(tenant.id(), campaignId);
		assertThat(holds()).isEqualTo(3);
		// Staff decide them: a 保留 becomes 継続.
		long formC = form("c");
		reviews.decide(admin, formC, version(formC), dependent(formC, "01"),
				new DependentDecision(Decision.CONTINUE, null, null, "電話で確認"));
		assertThat(holds()).isEqualTo(2);
		// A second closing (another node, a retry) finds the campaign closed and changes
		// nothing.
		assertThatThrownBy(() -> campaigns.close(tenant.id(), campaignId)).isInstanceOf(CampaignProblem.class);
		assertThat(holds()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'NON_RESPONDERS_HANDLED' and target = ?")
			.param("campaign:" + campaignId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The rule can no longer change.
		mvc.perform(
				post("/admin/campaigns/{id}/non-responder-rule", campaignId).with(TestStaff.tenantAdmin(tenant.id()))
					.with(csrf())
					.param("rule", "REMOVE"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select non_responder_rule from campaign where id = ?")
			.param(campaignId)
			.query(String.class)
			.single()).isEqualTo("HOLD");
	}

	@Test
	void only_a_tenant_admin_chooses_the_rule_and_the_campaign_page_shows_it() throws Exception {
		mvc.perform(post("/admin/campaigns/{id}/non-responder-rule", campaignId).with(TestStaff.reviewer(tenant.id()))
			.with(csrf())
			.param("rule", "REMOVE")).andExpect(status().isForbidden());
		String page = mvc.perform(get("/admin/campaigns/{id}", campaignId).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("締め切り時の未提出の扱い", "value=\"REMOVE\"",
				"/admin/campaigns/" + campaignId + "/non-responder-rule");
		assertThat(jdbc.sql(
				"select count(*) from audit_event where type = 'CAMPAIGN_NON_RESPONDER_RULE_CHANGED' and tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single()).isZero();
	}

	// --- helpers ---

	private int holds() {
		return jdbc.sql("""
				select count(*) from review_decision rd join review_case rc on rc.id = rd.review_case_id
				where rc.campaign_id = ? and rd.decision = 'HOLD' and rd.note = '未提出'""")
			.param(campaignId)
			.query(Integer.class)
			.single();
	}

	private String token(Tenant t, String... scopes) {
		return tokens.create(t.id(), "基幹システム", "admin", Set.of(scopes)).token();
	}

	private String api(String token, String query) throws Exception {
		return mvc.perform(get(API + query, campaignId).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<String> exportEvents() {
		return jdbc.sql("""
				select type || ' ' || details from audit_event
				where tenant_id = ? and target = ? and type like '%EXPORTED' order by id""")
			.params(tenant.id(), "campaign:" + campaignId)
			.query(String.class)
			.list();
	}

	private XSSFWorkbook xlsx(String file) throws Exception {
		return new XSSFWorkbook(
				new ByteArrayInputStream(download(file, TestStaff.tenantAdmin(tenant.id())).getContentAsByteArray()));
	}

	private MockHttpServletResponse download(String file, RequestPostProcessor staff) throws Exception {
		return mvc.perform(get(EXPORTS + file, campaignId).with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private static List<CSVRecord> csv(byte[] body, Charset charset) throws IOException {
		return CSVFormat.EXCEL.parse(new StringReader(new String(body, charset))).getRecords();
	}

	private void submit(long formId, List<Long> dependents) throws Exception {
		RequestPostProcessor member = TestMember.of(tenant.id(), "9", prefix + "a");
		for (long d : dependents) {
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(member)
				.with(csrf())
				.param("version", String.valueOf(answerVersion(d)))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(member)
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private long form(String household) {
		return jdbc.sql("select id from survey_form where campaign_id = ? and bango = ?")
			.params(campaignId, prefix + household)
			.query(Long.class)
			.single();
	}

	private int version(long formId) {
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

	private long dependent(long formId, String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private RosterPerson person(String household, String edaban, boolean insured, String relationship,
			RelationshipCategory category, String name, String officeCode, String officeName, String email) {
		return new RosterPerson(0, 0, "9", prefix + household, edaban, insured, relationship, category, name, "ケッカ タロウ",
				LocalDate.of(insured ? 1970 : 2000, 4, 1), Gender.FEMALE, email, officeCode, officeName,
				insured ? null : true, null, true);
	}

}
