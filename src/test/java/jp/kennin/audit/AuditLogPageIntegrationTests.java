package jp.kennin.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The audit log shows what happened in words: event types, roles and targets by their
 * Japanese labels (targets with their page), never another insurer's names; the codes
 * stay in the CSV columns named コード.
 */
@KenninIntegrationTest
class AuditLogPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AuditLog audit;

	private Tenant tenant;

	private long campaignId;

	private long personId;

	@Autowired
	jp.kennin.test.MutableClock clock;

	@BeforeEach
	void setUp() {
		// Before the campaigns' deadlines, so the deadline job leaves them to these
		// tests.
		clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "監査表示健保");
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "5", "1", "00", true, "本人", RelationshipCategory.SELF, "監査 太郎", "カンサ タロウ",
						LocalDate.of(1980, 1, 1), RosterPerson.Gender.MALE, null, "100", "本社", null, null, true),
				new RosterPerson(0, 0, "5", "1", "01", false, "妻", RelationshipCategory.SPOUSE, "監査 花子", "カンサ ハナコ",
						LocalDate.of(1982, 1, 1), RosterPerson.Gender.FEMALE, null, "100", "本社", true, null, true)));
		personId = roster.findInsured(tenant.id(), "5", "1").orElseThrow().id();
		CampaignActor admin = CampaignActor
			.staff(new StaffActor("kansa-admin", StaffActor.TENANT_ADMIN, tenant.id(), 0, "192.0.2.1"));
		campaignId = campaigns.create(admin,
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(admin, campaignId, null);
		audit.record(new AuditLog.Event("ROSTER_PERSON_VIEWED", tenant.id(), "STAFF", "kansa-reviewer", "REVIEWER",
				"roster_person:" + personId, "192.0.2.2", Map.of()));
	}

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_page_shows_labels_and_links_instead_of_codes() throws Exception {
		String page = mvc.perform(get("/admin/audit").with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String table = page.substring(page.indexOf("<table"), page.indexOf("</table>"));
		assertThat(table).contains("調査の公開", "調査の作成", "名簿の閲覧", "保険者の管理者", "保険者の担当者")
			.contains("<a href=\"/admin/campaigns/" + campaignId + "\">調査: 2026年度 被扶養者資格調査</a>")
			.contains("<a href=\"/admin/roster/people/" + personId + "\">名簿: 5-1-00 監査 太郎</a>")
			.contains("調査票</span>：<span>1</span>", "公開日時</span>：<span>2026/07/28 09:00</span>")
			.doesNotContain("CAMPAIGN_OPENED", "ROSTER_PERSON_VIEWED", "TENANT_ADMIN", "campaign:" + campaignId,
					"roster_person:");
	}

	@Test
	void operators_see_names_without_the_insurers_pages_and_staff_never_another_insurers_names() throws Exception {
		String operator = mvc
			.perform(get("/admin/audit").param("target", "campaign:" + campaignId).with(TestStaff.operator()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(operator).contains("調査: 2026年度 被扶養者資格調査")
			.doesNotContain("href=\"/admin/campaigns/" + campaignId + "\"");

		Tenant other = TestTenants.create(tenants, "よその監査健保");
		audit.record(new AuditLog.Event("SURVEY_FORMS_EXPORTED", other.id(), "STAFF", "x", "TENANT_ADMIN",
				"campaign:" + campaignId, null, Map.of()));
		String foreign = mvc.perform(get("/admin/audit").with(TestStaff.tenantAdmin(other.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(foreign).contains("調査票のCSV出力").contains("調査: " + campaignId).doesNotContain("2026年度 被扶養者資格調査");
	}

	@Test
	void the_csv_has_labels_and_keeps_the_codes_in_columns_named_so() throws Exception {
		byte[] bytes = mvc
			.perform(get("/admin/audit/export").param("target", "campaign:" + campaignId)
				.with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		try (CSVParser csv = CSVParser.parse(text,
				CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
			List<CSVRecord> rows = csv.getRecords();
			rows = rows.stream().filter(r -> !r.get("種類コード").equals("CAMPAIGN_INVITATIONS_QUEUED")).toList();
			assertThat(rows).extracting(r -> r.get("種類")).containsExactly("調査の公開", "調査の作成");
			assertThat(rows).extracting(r -> r.get("種類コード")).containsExactly("CAMPAIGN_OPENED", "CAMPAIGN_CREATED");
			assertThat(rows.get(0).get("対象")).isEqualTo("調査: 2026年度 被扶養者資格調査");
			assertThat(rows.get(0).get("対象コード")).isEqualTo("campaign:" + campaignId);
			assertThat(rows.get(0).get("権限")).isEqualTo("保険者の管理者");
			assertThat(rows.get(0).get("権限コード")).isEqualTo("TENANT_ADMIN");
			assertThat(rows.get(0).get("詳細")).contains("調査票=1");
			assertThat(rows.get(0).get("詳細コード")).contains("forms=1");
		}
	}

}
