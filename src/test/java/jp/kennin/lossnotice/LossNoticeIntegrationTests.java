package jp.kennin.lossnotice;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.review.LossReason;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static jp.kennin.lossnotice.NoticeFixture.keep;
import static jp.kennin.lossnotice.NoticeFixture.person;
import static jp.kennin.lossnotice.NoticeFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The removal notices as members and staff get them: household A had its child removed
 * (就職) and its spouse continue, household B's dependent continues; the PDFs are read back
 * with PDFBox as a person reads them.
 */
@KenninIntegrationTest
class LossNoticeIntegrationTests {

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
	LossNotices notices;

	NoticeFixture fx;

	String a;

	String b;

	long formA;

	long childA;

	@BeforeEach
	void setUp() throws Exception {
		int n = NoticeFixture.SEQ.incrementAndGet();
		a = "na" + n;
		b = "nb" + n;
		fx = new NoticeFixture(mvc, tenants, roster, campaigns, jdbc, clock, reviews, "通知テスト健保",
				List.of(person(a, "00", "本人", RelationshipCategory.SELF, "通知 太郎", "ツウチ タロウ", 1970, null),
						person(a, "01", "妻", RelationshipCategory.SPOUSE, "通知 花子", "ツウチ ハナコ", 1972, null),
						person(a, "02", "長男", RelationshipCategory.CHILD, "通知 一郎", "ツウチ イチロウ", 2001,
								LocalDate.of(2001, 4, 10)),
						person(b, "00", "本人", RelationshipCategory.SELF, "継続 次郎", "ケイゾク ジロウ", 1975, null),
						person(b, "01", "妻", RelationshipCategory.SPOUSE, "継続 良子", "ケイゾク ヨシコ", 1976, null)));
		formA = fx.form(a);
		childA = fx.dependent(formA, "02");
		fx.submit(a, List.of("01", "02"));
		fx.submit(b, List.of("01"));
		notices.changeSettings(fx.admin, new NoticeSettings("06123456", "東京都千代田区1-1", 120_000L));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_member_sees_the_notice_links_only_after_the_review_is_complete() throws Exception {
		String before = page(a);
		assertThat(before).doesNotContain("notice-" + childA);
		mvc.perform(get(memberUrl(formA, childA, "notice")).with(fx.member(a))).andExpect(status().isNotFound());

		fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));

		String after = page(a);
		assertThat(after).contains("id=\"notice-" + childA + "\"", "id=\"certificate-" + childA + "\"", "通知 一郎")
			.doesNotContain("全員継続");
	}

	@Test
	void while_the_member_may_still_answer_a_removal_no_notice_or_certificate_is_issued() throws Exception {
		reviews.changeSettings(fx.admin, reviews.settings(fx.tenant.id()).withRebuttalDays(14));
		try {
			fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
			assertThat(page(a)).doesNotContain("notice-" + childA);
			mvc.perform(get(memberUrl(formA, childA, "certificate")).with(fx.member(a)))
				.andExpect(status().isNotFound());

			// The window ends: the removal is final and both papers are there.
			clock.setInstant(clock.instant().plus(Duration.ofDays(16)));
			assertThat(page(a)).contains("id=\"notice-" + childA + "\"", "id=\"certificate-" + childA + "\"");
			mvc.perform(get(memberUrl(formA, childA, "certificate")).with(fx.member(a))).andExpect(status().isOk());
		}
		finally {
			reviews.changeSettings(fx.admin, reviews.settings(fx.tenant.id()).withRebuttalDays(0));
		}
	}

	@Test
	void a_member_whose_dependents_all_continue_is_told_so() throws Exception {
		fx.decideAndComplete(b, List.of("01"), List.of(keep()));
		assertThat(page(b)).contains("確認が完了しました（全員継続）");
	}

	@Test
	void the_notice_names_the_dependent_the_loss_date_the_reason_and_what_to_do() throws Exception {
		fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		byte[] pdf = mvc.perform(get(memberUrl(formA, childA, "notice")).with(fx.member(a)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf).replace("\n", ""))
			.contains("被扶養者削除のお知らせ", "通知 太郎 様", "通知 一郎", "2026年6月1日", "就職", "14日以内", "国民健康保険", "返却")
			.doesNotContain("通知 花子");
	}

	@Test
	void the_certificate_holds_what_a_municipality_needs() throws Exception {
		fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		byte[] pdf = mvc.perform(get(memberUrl(formA, childA, "certificate")).with(fx.member(a)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf).replace("\n", "")).contains("資格喪失証明書", fx.tenant.name(), "06123456", "通知 太郎", "通知 一郎",
				"ツウチ イチロウ", "2001年4月1日", "資格取得日", "2001年4月10日", "資格喪失日", "2026年6月1日", "就職", "証明日", "東京都千代田区1-1", "印");
	}

	@Test
	void another_household_another_tenant_and_other_staff_are_refused_and_nothing_is_audited() throws Exception {
		fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		Tenant other = TestTenants.create(tenants, "他の健保");
		for (String kind : List.of("notice", "certificate")) {
			mvc.perform(get(memberUrl(formA, childA, kind)).with(fx.member(b))).andExpect(status().isNotFound());
			mvc.perform(get(memberUrl(formA, childA, kind)).with(TestMember.of(other.id(), "9", a)))
				.andExpect(status().isNotFound());
			mvc.perform(get(memberUrl(formA, childA, kind))).andExpect(status().is3xxRedirection());
			mvc.perform(get(staffUrl(formA, childA, kind)).with(TestStaff.tenantAdmin(other.id())))
				.andExpect(status().isNotFound());
			mvc.perform(get(staffUrl(formA, childA, kind)).with(TestStaff.operator()))
				.andExpect(status().isForbidden());
			mvc.perform(get(staffUrl(formA, childA, kind)).with(fx.member(a))).andExpect(status().isForbidden());
			// A dependent who continues has no notice.
			mvc.perform(
					get(staffUrl(formA, fx.dependent(formA, "01"), kind)).with(TestStaff.tenantAdmin(fx.tenant.id())))
				.andExpect(status().isNotFound());
		}
		for (String bulk : List.of("notices.pdf", "notices.zip")) {
			mvc.perform(get("/admin/campaigns/{id}/" + bulk, fx.campaignId).with(TestStaff.tenantAdmin(other.id())))
				.andExpect(status().isNotFound());
			mvc.perform(get("/admin/campaigns/{id}/" + bulk, fx.campaignId).with(TestStaff.operator()))
				.andExpect(status().isForbidden());
		}
		assertThat(audits("LOSS_NOTICE%")).isZero();
	}

	@Test
	void staff_download_one_from_the_review_screen_and_every_download_is_audited() throws Exception {
		fx.decideAndComplete(a, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		String review = mvc.perform(get("/admin/reviews/{f}", formA).with(TestStaff.reviewer(fx.tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(review).contains(staffUrl(formA, childA, "notice"), staffUrl(formA, childA, "certificate"));
		byte[] pdf = mvc.perform(get(staffUrl(formA, childA, "certificate")).with(TestStaff.reviewer(fx.tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(pdf)).contains("通知 一郎", "就職");
		assertThat(jdbc.sql("select details from audit_event where type = 'LOSS_NOTICE_DOWNLOADED' and target = ?")
			.param("survey_form:" + formA)
			.query(String.class)
			.single()).contains("edaban=02", "kind=certificate");
		// The member's own downloads are not recorded, like the receipt copy.
		mvc.perform(get(memberUrl(formA, childA, "notice")).with(fx.member(a))).andExpect(status().isOk());
		assertThat(audits("LOSS_NOTICE_DOWNLOADED")).isEqualTo(1);
	}

	@Test
	void a_campaign_bundle_holds_both_documents_of_every_final_removal_as_one_pdf_or_a_zip() throws Exception {
		fx.decideAndComplete(a, List.of("01", "02"),
				List.of(remove(2026, 7, 1, LossReason.MARRIAGE), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		fx.decideAndComplete(b, List.of("01"), List.of(keep()));
		byte[] pdf = mvc
			.perform(
					get("/admin/campaigns/{id}/notices.pdf", fx.campaignId).with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String all = text(pdf);
		assertThat(all).contains("通知 花子", "婚姻", "通知 一郎", "就職").doesNotContain("継続 良子");
		assertThat(count(all, "資格喪失証明書")).isGreaterThanOrEqualTo(2);
		byte[] zip = mvc
			.perform(
					get("/admin/campaigns/{id}/notices.zip", fx.campaignId).with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				names.add(e.getName());
				if (e.getName().equals("9-" + a + "-02_資格喪失証明書.pdf")) {
					assertThat(text(in.readAllBytes())).contains("通知 一郎");
				}
			}
		}
		assertThat(names).containsExactly("9-" + a + "-01_被扶養者削除のお知らせ.pdf", "9-" + a + "-01_資格喪失証明書.pdf",
				"9-" + a + "-02_被扶養者削除のお知らせ.pdf", "9-" + a + "-02_資格喪失証明書.pdf");
		assertThat(
				jdbc.sql("select details from audit_event where type = 'LOSS_NOTICES_BULK_DOWNLOADED' and target = ?")
					.param("campaign:" + fx.campaignId)
					.query(String.class)
					.list())
			.hasSize(2)
			.allSatisfy(d -> assertThat(d).contains("dependents=2"));
	}

	@Test
	void the_settings_page_keeps_the_input_and_names_the_wrong_field() throws Exception {
		String page = mvc
			.perform(post("/admin/notice-settings").with(TestStaff.tenantAdmin(fx.tenant.id()))
				.with(csrf())
				.param("insurerNumber", "12")
				.param("insurerAddress", "大阪市")
				.param("annualCostYen", "１２０，０００"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("保険者番号は8桁の数字で入力してください。", "大阪市", "１２０，０００");
		mvc.perform(post("/admin/notice-settings").with(TestStaff.tenantAdmin(fx.tenant.id()))
			.with(csrf())
			.param("insurerNumber", "０６１２３４５６")
			.param("insurerAddress", "大阪市")
			.param("annualCostYen", "１２０，０００")).andExpect(status().is3xxRedirection());
		assertThat(notices.settings(fx.tenant.id())).isEqualTo(new NoticeSettings("06123456", "大阪市", 120_000L));
		mvc.perform(get("/admin/notice-settings").with(TestStaff.reviewer(fx.tenant.id())))
			.andExpect(status().isForbidden());
	}

	private String page(String bango) throws Exception {
		return mvc.perform(get("/survey/{f}", fx.form(bango)).with(fx.member(bango)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private int audits(String type) {
		return jdbc.sql("select count(*) from audit_event where tenant_id = ? and type like ?")
			.params(fx.tenant.id(), type)
			.query(Integer.class)
			.single();
	}

	private static String memberUrl(long formId, long dependentId, String kind) {
		return "/survey/" + formId + "/notices/" + dependentId + "/" + kind + ".pdf";
	}

	private static String staffUrl(long formId, long dependentId, String kind) {
		return "/admin/reviews/" + formId + "/dependents/" + dependentId + "/" + kind + ".pdf";
	}

	private static int count(String text, String word) {
		return text.split(word, -1).length - 1;
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
