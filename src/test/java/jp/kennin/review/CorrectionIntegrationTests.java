package jp.kennin.review;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.review.Reviews.ReturnReason;
import jp.kennin.review.Reviews.ReturnRequest;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.MemberSurveys;
import jp.kennin.survey.SurveyChanges;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 差し戻し from the member's side: only the returned parts open (answers of a dependent
 * named in a reason, only the documents for a reason about a document), the correction
 * deadline holds, and the 再提出 shows staff what changed, with the member's steps in the
 * review history.
 */
@KenninIntegrationTest
class CorrectionIntegrationTests {

	private static final String LOCKED = "survey.correction.problem.locked";

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
	ReviewCorrections corrections;

	@Autowired
	Documents documents;

	private ReviewFixture f;

	private ReviewActor reviewer;

	@BeforeEach
	void setUp() throws Exception {
		f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		reviewer = new ReviewActor(f.tenant.id(), "reviewer-c", "REVIEWER", "10.0.0.3");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_return_naming_one_dependent_opens_only_that_dependents_answers() throws Exception {
		f.submit();
		returnWith(new ReturnReason(f.spouseId, null, "登録内容を確認してください"));

		correctSpouse("生年月日は1972年5月1日です");
		assertThat(answer(f.spouseId, "roster_correction")).isEqualTo("生年月日は1972年5月1日です");

		int childVersion = answerVersion(f.childId);
		mvc.perform(post("/survey/{f}/d/{d}/continuation", f.formId, f.childId).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(childVersion))
			.param("continuation", "REMOVE")
			.param("removalDate", "2026-08-01")
			.param("removalReason", "EMPLOYED"))
			.andExpect(redirectedUrl("/survey/" + f.formId))
			.andExpect(flash().attribute("problem", LOCKED));
		mvc.perform(post("/survey/{f}/d/{d}/continuation", f.formId, f.childId).with(f.member())
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", String.valueOf(childVersion))
			.param("continuation", "REMOVE")).andExpect(status().isConflict());
		mvc.perform(post("/survey/{f}/d/{d}/complete", f.formId, f.childId).with(f.member())
			.with(csrf())
			.param("completed", "no")
			.param("version", String.valueOf(childVersion))).andExpect(flash().attribute("problem", LOCKED));
		assertThat(answerVersion(f.childId)).isEqualTo(childVersion);
		assertThat(answer(f.childId, "continuation")).isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("select completed from survey_answer where dependent_id = ?")
			.param(f.childId)
			.query(Boolean.class)
			.single()).isTrue();

		// A direct visit to a locked step is turned away with the reason, never an error.
		mvc.perform(get("/survey/{f}/d/{d}/continuation", f.formId, f.childId).with(f.member()))
			.andExpect(redirectedUrl("/survey/" + f.formId))
			.andExpect(flash().attribute("problem", LOCKED));
		mvc.perform(get("/survey/{f}/household", f.formId).with(f.member()))
			.andExpect(flash().attribute("problem", LOCKED));
		mvc.perform(post("/survey/{f}/household", f.formId).with(f.member()).with(csrf()).param("insuredIncome", "1"))
			.andExpect(flash().attribute("problem", LOCKED));
		assertThat(jdbc.sql("select insured_income from survey_form where id = ?")
			.param(f.formId)
			.query(Long.class)
			.optional()).isEmpty();

		// The check page shows everything, with change links only for the returned part.
		mvc.perform(get("/survey/{f}/check", f.formId).with(f.member()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/survey/" + f.formId + "/d/" + f.spouseId + "/continuation")))
			.andExpect(
					content().string(not(containsString("/survey/" + f.formId + "/d/" + f.childId + "/continuation"))))
			.andExpect(content().string(containsString("変更できません（差し戻しの対象外）")))
			.andExpect(content().string(containsString("修正してください")));
	}

	@Test
	void a_reason_about_a_document_opens_only_that_dependents_documents() throws Exception {
		DocumentOwner owner = new DocumentOwner(f.tenant.id(), "9", f.bango);
		StoredDocument blurred = documents.store(owner, rosterPerson(f.childId), "OTHER", "在学証明書.pdf",
				TestFiles.pdf(1));
		f.submit();
		returnWith(new ReturnReason(f.childId, blurred.id(), "書類が不鮮明"));

		int childVersion = answerVersion(f.childId);
		mvc.perform(post("/survey/{f}/d/{d}/continuation", f.formId, f.childId).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(childVersion))
			.param("continuation", "IN_PROGRESS")
			.param("rosterWrong", "true")
			.param("rosterCorrection", "変更")).andExpect(flash().attribute("problem", LOCKED));
		assertThat(answerVersion(f.childId)).isEqualTo(childVersion);

		// The child's documents take a new file, the spouse's none; nothing is deleted.
		assertThat(documents.mayUpload(owner, rosterPerson(f.childId), null)).isTrue();
		assertThat(documents.mayUpload(owner, rosterPerson(f.spouseId), null)).isFalse();
		assertThat(documents.mayDelete(owner, blurred)).isFalse();
		assertThatThrownBy(() -> documents.store(owner, rosterPerson(f.spouseId), "OTHER", "a.pdf", TestFiles.pdf(1)))
			.isInstanceOf(DocumentRejectedException.class);
		StoredDocument sharp = documents.store(owner, rosterPerson(f.childId), "OTHER", "在学証明書_再.pdf",
				TestFiles.pdf(1));
		assertThat(documents.list(owner)).extracting(StoredDocument::id).contains(blurred.id(), sharp.id());

		f.resubmit();
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
		SurveyChanges changes = corrections.changes(reviewer, f.formId);
		assertThat(changes.answers()).isEmpty();
		assertThat(changes.documents()).singleElement().satisfies(d -> {
			assertThat(d.documentId()).isEqualTo(sharp.id());
			assertThat(d.dependentId()).isEqualTo(f.childId);
		});
		assertThat(timelineKinds()).contains("MEMBER_DOCUMENT_ADDED");
	}

	@Autowired
	MemberSurveys memberSurveys;

	@Test
	void after_the_correction_deadline_the_member_cannot_resubmit_until_staff_return_it_again() throws Exception {
		f.submit();
		returnWith(new ReturnReason(f.spouseId, null, "登録内容を確認してください"));
		assertThat(corrections.changes(reviewer, f.formId).returned()).as("nothing to compare before the 再提出")
			.isFalse();
		clock.setInstant(clock.instant().plus(Duration.ofDays(8)));

		mvc.perform(post("/survey/{f}/submit", f.formId).with(f.member()).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.correction.problem.expired"));
		assertThat(f.formStatus()).isEqualTo("RETURNED");
		mvc.perform(post("/survey/{f}/d/{d}/continuation", f.formId, f.spouseId).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(answerVersion(f.spouseId)))
			.param("continuation", "IN_PROGRESS"))
			.andExpect(flash().attribute("problem", "survey.correction.problem.expired"));
		mvc.perform(get("/survey/{f}", f.formId).with(f.member()))
			.andExpect(content().string(containsString("修正の期限を過ぎました")))
			.andExpect(content().string(containsString("お問い合わせ窓口")));
		// The home page no longer offers to correct it (it reads this flag), and says
		// why.
		assertThat(memberSurveys.statusFor(f.tenant.id(), "9", f.bango)).singleElement()
			.satisfies(home -> assertThat(home.correctionExpired()).isTrue());

		// Staff return it again with a new deadline; the member can then resubmit.
		reviews.returnForCorrection(reviewer, f.formId, version(),
				new ReturnRequest("もう一度ご確認ください", List.of(new ReturnReason(f.spouseId, null, "登録内容")), null));
		f.resubmit();
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
	}

	@Test
	void a_resubmission_shows_staff_the_changed_answers_with_old_and_new_values_and_the_member_steps()
			throws Exception {
		f.submit();
		returnWith(new ReturnReason(f.spouseId, null, "登録内容を確認してください"));
		correctSpouse("氏名のカナはシンサ ハナです");
		f.resubmit();
		String receipt = jdbc.sql("select receipt_number from survey_form where id = ?")
			.param(f.formId)
			.query(String.class)
			.single();
		assertThat(receipt).endsWith("-2");

		SurveyChanges changes = corrections.changes(reviewer, f.formId);
		assertThat(changes.returned()).isTrue();
		assertThat(changes.previousReceipt()).isNotEqualTo(receipt);
		assertThat(changes.answers()).extracting(c -> c.dependentId() + ":" + c.key())
			.containsExactly(f.spouseId + ":rosterWrong", f.spouseId + ":rosterCorrection");
		assertThat(changes.changed(f.childId)).isFalse();

		mvc.perform(get("/admin/reviews/{f}", f.formId).with(TestStaff.reviewer(f.tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("再提出での変更")))
			.andExpect(content().string(containsString("変更あり")))
			.andExpect(content().string(containsString("氏名のカナはシンサ ハナです")))
			.andExpect(content().string(containsString("被保険者が再提出")));

		assertThat(timelineKinds()).containsExactly("MEMBER_SUBMITTED", "REVIEW_STARTED", "RETURN_REASON",
				"FORM_RETURNED", "MEMBER_RESUBMITTED");
	}

	@Test
	void the_history_lists_a_withdrawal_and_the_submissions_in_order_among_the_staff_steps() throws Exception {
		f.submit();
		mvc.perform(post("/survey/{f}/withdraw", f.formId).with(f.member()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		f.resubmit();
		reviews.start(reviewer, f.formId);
		assertThat(timelineKinds()).containsExactly("MEMBER_SUBMITTED", "MEMBER_WITHDRAWN", "MEMBER_SUBMITTED",
				"REVIEW_STARTED");
		assertThat(corrections.timeline(reviewer, reviews.view(reviewer, f.formId)).get(1).detail())
			.as("the withdrawn 受付番号")
			.isNotBlank();
	}

	@Test
	void another_tenant_sees_no_changes() throws Exception {
		f.submit();
		returnWith(new ReturnReason(f.spouseId, null, "登録内容を確認してください"));
		correctSpouse("x");
		f.resubmit();
		ReviewActor stranger = new ReviewActor(f.tenant.id() + 100000, "x", "TENANT_ADMIN", null);
		assertThat(corrections.changes(stranger, f.formId).returned()).isFalse();
	}

	private void returnWith(ReturnReason reason) {
		reviews.start(reviewer, f.formId);
		reviews.returnForCorrection(reviewer, f.formId, version(),
				new ReturnRequest("修正をお願いします", List.of(reason), null));
		assertThat(f.formStatus()).isEqualTo("RETURNED");
	}

	private void correctSpouse(String correction) throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/continuation", f.formId, f.spouseId).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(answerVersion(f.spouseId)))
			.param("continuation", "IN_PROGRESS")
			.param("rosterWrong", "true")
			.param("rosterCorrection", correction)).andExpect(status().is3xxRedirection());
		assertThat(answer(f.spouseId, "roster_correction")).isEqualTo(correction);
	}

	private List<String> timelineKinds() {
		return corrections.timeline(reviewer, reviews.view(reviewer, f.formId))
			.stream()
			.map(ReviewView.Step::kind)
			.toList();
	}

	private int version() {
		return reviews.view(reviewer, f.formId).version();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select version from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private String answer(long dependentId, String column) {
		return jdbc.sql("select " + column + " from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(String.class)
			.single();
	}

	private long rosterPerson(long dependentId) {
		return jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(dependentId)
			.query(Long.class)
			.single();
	}

}
