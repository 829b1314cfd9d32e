package jp.kennin.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A student living at home with a part-time job needs three documents (所得証明書, 給与明細,
 * 在学証明書); the member uploads one. Submission needs a choice for each missing one (by
 * post, or cannot provide with a reason), which staff see; after submission documents can
 * be added (marked for staff) but not deleted; withdrawing asks first, mails the member
 * and keeps the receipt numbers' history.
 */
@KenninIntegrationTest
class SurveyDocumentsIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final String INCOME = "所得証明書（課税・非課税証明書）";

	private static final String SALARY = "給与明細（直近3か月分）または源泉徴収票";

	private static final String STUDENT = "在学証明書または学生証の写し";

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	private String bango;

	private RequestPostProcessor member;

	private long campaignId;

	private long formId;

	private long studentId;

	private long studentRosterId;

	private CampaignDraft draft;

	@BeforeEach
	void openCampaignAndAnswer() throws Exception {
		tenant = TestTenants.create(tenants, "書類選択健保");
		bango = "m" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "書類 太郎", LocalDate.of(1975, 4, 1)),
						person("01", false, "長男", RelationshipCategory.CHILD, "書類 一郎", LocalDate.of(2006, 5, 20))));
		draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.CHILD), null));
		campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		studentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		studentRosterId = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(studentId)
			.query(Long.class)
			.single();
		member = TestMember.of(tenant.id(), "1", bango);

		mvc.perform(step("continuation", 0).param("continuation", "CONTINUE"));
		mvc.perform(step("living", 1).param("living", "TOGETHER"));
		mvc.perform(step("occupation", 2).param("occupations", "STUDENT", "PART_TIME").param("schoolName", "検認大学"));
		mvc.perform(step("income", 3).param("incomeSalary", "900000"));
		mvc.perform(step("residence", 4).param("residence", "DOMESTIC"));
		mvc.perform(step("disability", 5).param("disabled", "no"));
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, studentId).with(member)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "6")).andExpect(redirectedUrl("/survey/" + formId));
		upload("STUDENT_CERTIFICATE", "学生証.pdf");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void submitting_with_a_required_document_missing_needs_a_choice_for_each_which_staff_then_see() throws Exception {
		mvc.perform(get("/survey/{f}", formId).with(member))
			.andExpect(content().string(containsString("書類が不足しています")))
			.andExpect(content().string(containsString(INCOME + "：まだアップロードしていません")))
			.andExpect(content().string(containsString(SALARY + "：まだアップロードしていません")))
			.andExpect(content().string(not(containsString(STUDENT + "："))));
		mvc.perform(get("/survey/{f}/check", formId).with(member))
			.andExpect(content().string(containsString("まだアップロードしていない書類")))
			.andExpect(content().string(containsString("<legend class=\"fieldset__legend\">" + INCOME + "</legend>")))
			.andExpect(content().string(containsString("<legend class=\"fieldset__legend\">" + SALARY + "</legend>")));

		// No choice at all: refused, with each missing document named.
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提出できませんでした")))
			.andExpect(content().string(containsString("書類 一郎さん（長男）の「" + INCOME + "」：「郵送で提出する」か「提出できない」を選んでください。")))
			.andExpect(content().string(containsString("書類 一郎さん（長男）の「" + SALARY + "」：「郵送で提出する」か「提出できない」を選んでください。")));

		// By post for one, "cannot" without a reason for the other: refused, both choices
		// kept.
		mvc.perform(submit().param("choice-" + key("INCOME_CERTIFICATE"), "MAIL")
			.param("choice-" + key("SALARY_PROOF"), "UNABLE")
			.param("reason-" + key("SALARY_PROOF"), "  "))
			.andExpect(content().string(containsString("書類 一郎さん（長男）の「" + SALARY + "」：提出できない理由を入力してください。")))
			.andExpect(content().string(not(containsString("「" + INCOME + "」：「郵送で提出する」か"))))
			.andExpect(content().string(containsString(
					"id=\"choice-" + key("INCOME_CERTIFICATE") + "-MAIL\" value=\"MAIL\" checked=\"checked\"")))
			.andExpect(content().string(containsString(
					"id=\"choice-" + key("SALARY_PROOF") + "-UNABLE\" value=\"UNABLE\" checked=\"checked\"")));
		assertThat(receiptNumber()).isNull();
		mvc.perform(get("/survey/{f}/check", formId).with(member))
			.andExpect(content().string(containsString(
					"id=\"choice-" + key("INCOME_CERTIFICATE") + "-MAIL\" value=\"MAIL\" checked=\"checked\"")));

		// The choices can be saved without submitting and changed until submission.
		mvc.perform(post("/survey/{f}/document-choices", formId).with(member)
			.with(csrf())
			.param("required", key("INCOME_CERTIFICATE"), key("SALARY_PROOF"))
			.param("choice-" + key("INCOME_CERTIFICATE"), "MAIL")
			.param("choice-" + key("SALARY_PROOF"), "UNABLE")
			.param("reason-" + key("SALARY_PROOF"), "アルバイト先が閉店し、\r\n発行を受けられないため"))
			.andExpect(flash().attribute("flash", "survey.check.choicesSaved"));
		mvc.perform(get("/survey/{f}/check", formId).with(member))
			.andExpect(content().string(containsString("アルバイト先が閉店し、\n発行を受けられないため</textarea>")));

		mvc.perform(submit()).andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
		assertThat(receiptNumber()).matches("\\d{4}-\\d{4}-\\d{7}");
		mvc.perform(get("/survey/{f}/receipt", formId).with(member))
			.andExpect(content().string(containsString("郵送で提出する書類")))
			.andExpect(content().string(containsString("書類 一郎さん（長男）：" + INCOME)));

		mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(containsString("郵送予定")))
			.andExpect(content().string(containsString("提出できない")))
			.andExpect(content().string(containsString("理由：アルバイト先が閉店し、")))
			.andExpect(content().string(containsString("アップロード済み（1件）")));
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(containsString("書類不足 2")))
			.andExpect(content().string(containsString("郵送予定 1")));
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).param("documents", "MAIL")
			.with(TestStaff.reviewer(tenant.id()))).andExpect(content().string(containsString("書類 太郎")));
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).param("documents", "ADDED")
			.with(TestStaff.reviewer(tenant.id()))).andExpect(content().string(containsString("該当する調査票はありません。")));
	}

	@Test
	void after_submission_documents_can_be_added_and_are_marked_but_not_deleted() throws Exception {
		submitWithChoices();
		StoredDocument submittedFile = documents.list(owner()).get(0);
		mvc.perform(get("/survey/{f}/d/{d}", formId, studentId).with(member))
			.andExpect(content().string(containsString("この調査票は提出済みです。書類を追加することはできますが")))
			.andExpect(content().string(containsString("form class=\"document-upload\"")))
			.andExpect(content().string(not(containsString("/delete"))));

		MockMultipartFile file = new MockMultipartFile("file", "所得証明書.pdf", "application/pdf", TestFiles.pdf(1));
		String back = "/survey/" + formId + "/d/" + studentId;
		mvc.perform(multipart("/documents").file(file)
			.param("slot", "INCOME_CERTIFICATE")
			.param("subject", String.valueOf(studentRosterId))
			.param("returnTo", back)
			.with(member)
			.with(csrf()))
			.andExpect(redirectedUrl(back + "#document-INCOME_CERTIFICATE-" + studentRosterId + "-result"));
		StoredDocument added = documents.list(owner()).get(1);
		mvc.perform(get(back).with(member)).andExpect(content().string(containsString("提出後に追加（")));

		String staffView = mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.reviewer(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(staffView).contains("所得証明書.pdf")
			.contains("提出後に追加（")
			.contains("（郵送予定と回答したのち、提出後に追加）")
			.contains("提出後に書類を追加（" + INCOME + "）");
		assertThat(staffView.substring(staffView.indexOf("所得証明書.pdf"))).contains("提出後に追加（");
		assertThat(staffView.substring(staffView.indexOf("学生証.pdf"), staffView.indexOf("所得証明書.pdf")))
			.doesNotContain("提出後に追加");
		byte[] pdf = mvc.perform(get("/survey/{f}/receipt.pdf", formId).with(member))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
				.as("the copy tells the addition apart")
				.containsPattern("所得証明書\\.pdf（1KB）提出後に追加（");
		}
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(containsString("提出後に追加 1")))
			.andExpect(content().string(containsString("書類不足 1")))
			.andExpect(content().string(not(containsString("郵送予定 1"))));
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).param("documents", "ADDED")
			.with(TestStaff.reviewer(tenant.id()))).andExpect(content().string(containsString("書類 太郎")));

		// A stale page's delete: back to the page with a Japanese message, the file kept.
		mvc.perform(
				post("/documents/{id}/delete", submittedFile.id()).param("returnTo", back).with(member).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(back + "#document-STUDENT_CERTIFICATE-" + studentRosterId + "-error"))
			.andExpect(flash().attribute("documentError", new jp.kennin.document.web.UploadError("STUDENT_CERTIFICATE",
					studentRosterId, "「学生証.pdf」は提出済みのため、削除できません。誤りがあった場合は、正しい書類を追加してください")));
		assertThat(documents.list(owner())).extracting(StoredDocument::id)
			.containsExactly(submittedFile.id(), added.id());
	}

	@Test
	void withdrawal_is_confirmed_first_mailed_and_kept_in_the_receipt_history() throws Exception {
		submitWithChoices();
		String first = receiptNumber();
		mvc.perform(get("/survey/{f}", formId).with(member))
			.andExpect(content().string(containsString("href=\"/survey/" + formId + "/withdraw\"")))
			.andExpect(content().string(not(containsString("途中でやめても、続きから回答できます"))));
		mvc.perform(get("/survey/{f}/withdraw", formId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("「提出されていない」状態に戻ります")))
			.andExpect(content().string(containsString(first)))
			.andExpect(content().string(containsString(DateTimeFormatter.ofPattern("yyyy年M月d日")
				.format(jp.kennin.platform.JapanTime.of(draft.deadline())))));
		assertThat(formStatus()).as("looking at the confirmation changes nothing").isEqualTo("SUBMITTED");

		mvc.perform(post("/survey/{f}/withdraw", formId).with(member).with(csrf()))
			.andExpect(redirectedUrl("/survey/" + formId))
			.andExpect(flash().attribute("flash", "survey.form.flash.withdrawn"));
		assertThat(formStatus()).isEqualTo("IN_PROGRESS");
		Map<String, Object> mail = jdbc
			.sql("select subject, body from mail_outbox where to_address = ? order by id desc")
			.param(email())
			.query()
			.listOfRows()
			.get(0);
		assertThat((String) mail.get("subject")).contains("提出を取り消しました").contains(first);
		assertThat((String) mail.get("body")).contains("書類 太郎 様").contains("「提出されていない」状態です").contains("回答期限（");

		mvc.perform(submit()).andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
		String second = receiptNumber();
		assertThat(second).isEqualTo(first + "-2");
		String history = mvc.perform(get("/survey/{f}/receipt", formId).with(member))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("受付番号の履歴")
			.contains("提出（受付番号 " + first + "）")
			.contains("提出の取り消し（受付番号 " + first + "）")
			.contains("提出（受付番号 " + second + "）");
		assertThat(history.indexOf("提出（受付番号 " + first)).isLessThan(history.indexOf("提出の取り消し"));
		mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(containsString("提出の取り消し（受付番号 " + first + "）")))
			.andExpect(content().string(containsString("提出（受付番号 " + second + "）")));
		assertThat(jdbc.sql("select count(*) from mail_outbox where to_address = ? and subject like ?")
			.params(email(), "%" + second + "%")
			.query(Integer.class)
			.single()).as("a receipt mail for the new number").isEqualTo(1);
	}

	@Test
	void the_receipt_pdf_names_the_insured_the_documents_by_slot_the_choices_and_the_insurer_contact()
			throws Exception {
		mvc.perform(step("living", 7).param("living", "APART")
			.param("address", "京都府京都市")
			.param("remittance", "50000")
			.param("remittanceMethod", "TRANSFER"));
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, studentId).with(member)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "8")).andExpect(redirectedUrl("/survey/" + formId));
		mvc.perform(submit().param("required", key("REMITTANCE_PROOF"))
			.param("choice-" + key("INCOME_CERTIFICATE"), "MAIL")
			.param("choice-" + key("SALARY_PROOF"), "UNABLE")
			.param("reason-" + key("SALARY_PROOF"), "勤務先に依頼中のため")
			.param("choice-" + key("REMITTANCE_PROOF"), "MAIL"))
			.andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
		byte[] pdf = mvc.perform(get("/survey/{f}/receipt.pdf", formId).with(member))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text;
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
		assertThat(text).contains("被保険者書類太郎")
			.contains("月額50,000円")
			.contains("900,000円")
			.contains(STUDENT.replace(" ", "") + "学生証.pdf")
			.contains(INCOME + "郵送で提出")
			.contains(SALARY + "提出できない（理由：勤務先に依頼中のため）")
			.contains("03-0000-0000")
			.contains("平日9時～17時")
			.contains("help@");
	}

	private void submitWithChoices() throws Exception {
		mvc.perform(submit().param("choice-" + key("INCOME_CERTIFICATE"), "MAIL")
			.param("choice-" + key("SALARY_PROOF"), "UNABLE")
			.param("reason-" + key("SALARY_PROOF"), "勤務先に依頼中のため"))
			.andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
	}

	private MockHttpServletRequestBuilder submit() {
		return post("/survey/{f}/submit", formId).with(member)
			.with(csrf())
			.param("required", key("INCOME_CERTIFICATE"), key("SALARY_PROOF"));
	}

	private void upload(String slot, String name) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", name, "application/pdf", TestFiles.pdf(1));
		mvc.perform(multipart("/documents").file(file)
			.param("slot", slot)
			.param("subject", String.valueOf(studentRosterId))
			.param("returnTo", "/survey/" + formId + "/d/" + studentId)
			.with(member)
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	private String key(String slot) {
		return studentId + "-" + slot;
	}

	private MockHttpServletRequestBuilder step(String slug, int version) {
		return post("/survey/{f}/d/{d}/{s}", formId, studentId, slug).with(member)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private DocumentOwner owner() {
		return new DocumentOwner(tenant.id(), "1", bango);
	}

	private String receiptNumber() {
		return jdbc.sql("select receipt_number from survey_form where id = ?")
			.param(formId)
			.query(String.class)
			.list()
			.get(0);
	}

	private String formStatus() {
		return jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single();
	}

	private String email() {
		return "shorui-" + bango + "@example.jp";
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, LocalDate birth) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, name, "ショルイ タロウ", birth,
				Gender.MALE, insured ? email() : null, "100", "本社", insured ? null : true, null, true);
	}

}
