package jp.kennin.retention;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.kennin.document.Documents;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.review.LossReason;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static jp.kennin.lossnotice.NoticeFixture.keep;
import static jp.kennin.lossnotice.NoticeFixture.person;
import static jp.kennin.lossnotice.NoticeFixture.remove;
import static jp.kennin.retention.RetentionTestData.japan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 開示請求 export read back as the member would get it: every part of the ZIP is checked
 * against what Kennin holds, and only the insurer's administrators of the household's own
 * insurer get it.
 */
@KenninIntegrationTest
class MemberExportIntegrationTests {

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

	NoticeFixture fx;

	RetentionTestData data;

	String h;

	long insured;

	long document;

	@BeforeEach
	void setUp() throws Exception {
		h = "ex" + NoticeFixture.SEQ.incrementAndGet();
		clock.setInstant(japan(2026, 7, 28));
		fx = new NoticeFixture(mvc, tenants, roster, campaigns, jdbc, clock, reviews, "開示請求テスト健保",
				List.of(person(h, "00", "本人", RelationshipCategory.SELF, "開示 太郎", "カイジ タロウ", 1970, null),
						person(h, "01", "妻", RelationshipCategory.SPOUSE, "開示 花子", "カイジ ハナコ", 1972, null),
						person(h, "02", "長男", RelationshipCategory.CHILD, "開示 一郎", "カイジ イチロウ", 2001, null)));
		data = new RetentionTestData(fx, documents);
		insured = data.personId(h, "00");
		document = data.upload(h, "01");
		data.account(h, "HASH-MUST-NOT-LEAK");
		fx.submit(h, List.of("01", "02"));
		fx.decideAndComplete(h, List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		// A staff view of the household, which the access log must show.
		mvc.perform(get("/admin/roster/people/{id}", insured).with(TestStaff.reviewer(fx.tenant.id())))
			.andExpect(status().isOk());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_zip_holds_the_account_roster_answers_decisions_documents_and_access_log() throws Exception {
		byte[] zip = mvc
			.perform(get("/admin/retention/export/{id}", insured).with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("kaiji-9-" + h)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, byte[]> entries = read(zip);
		long formId = fx.form(h);
		String folder = "campaigns/" + fx.campaignId + "/";
		assertThat(entries).containsKeys("README.txt", "account.csv", "roster.csv", folder + "answers.csv",
				folder + "decisions.csv", "documents/index.csv", "access_log.csv");

		assertThat(text(entries, "README.txt")).contains("開示請求用データ", "9-" + h);
		String account = text(entries, "account.csv");
		assertThat(account).contains("ユーザーID", "ret" + fx.tenant.id() + h, h + "@example.jp", "利用規約（第1版）への同意")
			.doesNotContain("HASH-MUST-NOT-LEAK");
		assertThat(text(entries, "roster.csv")).contains("開示 太郎", "開示 花子", "開示 一郎", "カイジ　ハナコ");
		assertThat(text(entries, folder + "answers.csv")).contains("2026年度 被扶養者資格調査", "扶養の継続", "手続き中（すでに削除の届出をした）",
				"開示 花子", "開示 一郎");
		assertThat(text(entries, folder + "decisions.csv")).contains("継続", "削除", "就職", "2026-06-01", "admin-n");

		String pdf = "documents/" + document + "_証明書.pdf";
		String sha256 = jdbc.sql("select sha256 from uploaded_document where id = ?")
			.param(document)
			.query(String.class)
			.single();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(pdf))))
			.isEqualTo(sha256);
		assertThat(text(entries, "documents/index.csv")).contains(pdf, "証明書.pdf", "CLEAN");

		String log = text(entries, "access_log.csv");
		assertThat(log).contains("roster_person:" + insured, "survey_form:" + formId, "test-reviewer-" + fx.tenant.id())
			.contains("名簿の閲覧");

		// The export is audited, and so is the document it opened.
		assertThat(data.count("select count(*) from audit_event where type = 'MEMBER_DATA_EXPORTED' and target = ?",
				"roster_person:" + insured))
			.isOne();
		assertThat(data.count("select count(*) from audit_event where target = ? and actor_role = 'TENANT_ADMIN'",
				"document:" + document))
			.isPositive();
	}

	@Test
	void the_person_detail_offers_the_export_to_administrators_only() throws Exception {
		String admin = mvc
			.perform(get("/admin/roster/people/{id}", insured).with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(admin).contains("id=\"member-export\"", "/admin/retention/export/" + insured);
		String reviewer = mvc
			.perform(get("/admin/roster/people/{id}", insured).with(TestStaff.reviewer(fx.tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reviewer).doesNotContain("member-export");
	}

	@Test
	void reviewers_operators_and_other_insurers_get_nothing() throws Exception {
		mvc.perform(get("/admin/retention/export/{id}", insured).with(TestStaff.reviewer(fx.tenant.id())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/retention/export/{id}", insured).with(TestStaff.operator()))
			.andExpect(status().isForbidden());
		long other = TestTenants.create(tenants, "開示請求テスト別健保").id();
		mvc.perform(get("/admin/retention/export/{id}", insured).with(TestStaff.tenantAdmin(other)))
			.andExpect(status().isNotFound());
		assertThat(data.count("select count(*) from audit_event where type = 'MEMBER_DATA_EXPORTED' and target = ?",
				"roster_person:" + insured))
			.isZero();
	}

	private static Map<String, byte[]> read(byte[] zip) throws IOException {
		Map<String, byte[]> out = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				out.put(e.getName(), in.readAllBytes());
			}
		}
		return out;
	}

	private static String text(Map<String, byte[]> entries, String name) {
		String s = new String(entries.get(name), StandardCharsets.UTF_8);
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}

}
