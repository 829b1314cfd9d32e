package jp.kennin.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.review.Reviews.ReturnReason;
import jp.kennin.review.Reviews.ReturnRequest;
import jp.kennin.review.Reviews.ReviewSettings;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * Every review transition and its refusal, through the {@link Reviews} service, with the
 * member's side (withdraw, resubmit) through the survey pages.
 */
@KenninIntegrationTest
class ReviewIntegrationTests {

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
	AuditLog audit;

	@Autowired
	jp.kennin.survey.MemberSurveys memberSurveys;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("surveyDocumentPolicy")
	jp.kennin.document.DocumentChangePolicy documentPolicy;

	private ReviewFixture f;

	private ReviewActor reviewer;

	private ReviewActor admin;

	@BeforeEach
	void setUp() throws Exception {
		f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		reviewer = new ReviewActor(f.tenant.id(), "reviewer-a", "REVIEWER", "10.0.0.1");
		admin = new ReviewActor(f.tenant.id(), "admin-a", "TENANT_ADMIN", "10.0.0.2");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void starting_the_review_assigns_the_reviewer_and_stops_the_member_from_withdrawing() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		assertThat(f.formStatus()).isEqualTo("IN_REVIEW");
		assertThat(
				jdbc.sql("select reviewer from survey_form where id = ?").param(f.formId).query(String.class).single())
			.isEqualTo("reviewer-a");
		mvc.perform(post("/survey/{f}/withdraw", f.formId).with(f.member()).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.form.problem.reviewStarted"));
		assertThat(f.formStatus()).isEqualTo("IN_REVIEW");
		assertThat(types()).contains("REVIEW_STARTED");
		ReviewView view = reviews.view(reviewer, f.formId);
		assertThat(view.inReview()).isTrue();
		assertThat(view.history()).extracting(ReviewView.Step::kind).containsExactly("REVIEW_STARTED");
		assertThat(types()).contains("REVIEW_VIEWED");
	}

	@Test
	void a_form_not_submitted_cannot_be_started_and_a_second_start_is_refused() throws Exception {
		assertThatThrownBy(() -> reviews.start(reviewer, f.formId)).isInstanceOf(ReviewProblem.class)
			.extracting("messageKey")
			.isEqualTo("survey.review.problem.notSubmitted");
		f.submit();
		reviews.start(reviewer, f.formId);
		assertThatThrownBy(() -> reviews.start(admin, f.formId)).isInstanceOf(ReviewProblem.class);
		assertThat(
				jdbc.sql("select reviewer from survey_form where id = ?").param(f.formId).query(String.class).single())
			.isEqualTo("reviewer-a");
	}

	@Test
	void every_dependent_continued_completes_the_check_and_the_member_sees_it() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		int v = version();
		reviews.decide(reviewer, f.formId, v, f.spouseId, continued());
		assertThatThrownBy(() -> reviews.complete(reviewer, f.formId, version())).extracting("messageKey")
			.isEqualTo(ReviewProblem.UNDECIDED);
		reviews.decide(reviewer, f.formId, version(), f.childId,
				new DependentDecision(Decision.HOLD, null, null, "在学証明待ち"));
		assertThatThrownBy(() -> reviews.complete(reviewer, f.formId, version())).extracting("messageKey")
			.isEqualTo(ReviewProblem.UNDECIDED);
		reviews.decide(reviewer, f.formId, version(), f.childId, continued());
		reviews.complete(reviewer, f.formId, version());
		assertThat(f.formStatus()).isEqualTo("COMPLETED");
		assertThat(types()).contains("DEPENDENT_DECIDED", "REVIEW_COMPLETED");
		mvc.perform(get("/survey/{f}", f.formId).with(f.member()))
			.andExpect(content().string(containsString("確認が完了しました")));
		assertThatThrownBy(() -> reviews.decide(reviewer, f.formId, version(), f.childId, continued()))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.NOT_IN_REVIEW);
		mvc.perform(post("/survey/{f}/withdraw", f.formId).with(f.member()).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.form.problem.reviewStarted"));
	}

	@Test
	void a_removal_needs_a_loss_date_and_a_reason_and_a_hold_a_note() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		assertThatThrownBy(() -> reviews.decide(admin, f.formId, version(), f.childId,
				new DependentDecision(Decision.REMOVE, null, LossReason.EMPLOYMENT, null)))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.LOSS_DATE_REQUIRED);
		assertThatThrownBy(() -> reviews.decide(admin, f.formId, version(), f.childId,
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 4, 1), null, null)))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.REASON_REQUIRED);
		assertThatThrownBy(() -> reviews.decide(admin, f.formId, version(), f.childId,
				new DependentDecision(Decision.HOLD, null, null, " ")))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.NOTE_REQUIRED);
	}

	@Test
	void a_reviewers_removal_waits_for_another_administrator() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		reviews.decide(reviewer, f.formId, version(), f.spouseId, continued());
		reviews.decide(reviewer, f.formId, version(), f.childId,
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 4, 1), LossReason.EMPLOYMENT, "4月就職"));
		assertThat(reviews.view(reviewer, f.formId).decision(f.childId).proposed()).isTrue();
		assertThatThrownBy(() -> reviews.complete(reviewer, f.formId, version())).extracting("messageKey")
			.isEqualTo(ReviewProblem.UNDECIDED);
		assertThatThrownBy(() -> reviews.approveRemoval(reviewer, f.formId, version(), f.childId))
			.isInstanceOf(AccessDeniedException.class);
		ReviewActor sameLoginAsAdmin = new ReviewActor(f.tenant.id(), "reviewer-a", "TENANT_ADMIN", null);
		assertThatThrownBy(() -> reviews.approveRemoval(sameLoginAsAdmin, f.formId, version(), f.childId))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.OWN_PROPOSAL);
		reviews.approveRemoval(admin, f.formId, version(), f.childId);
		assertThat(reviews.view(admin, f.formId).decision(f.childId).settled()).isTrue();
		reviews.complete(reviewer, f.formId, version());
		assertThat(f.formStatus()).isEqualTo("COMPLETED");
		assertThat(types()).contains("REMOVAL_PROPOSED", "REMOVAL_APPROVED");
	}

	@Test
	void an_administrator_sends_a_proposal_back_and_the_dependent_is_undecided_again() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		reviews.decide(reviewer, f.formId, version(), f.childId,
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 4, 1), LossReason.EMPLOYMENT, null));
		assertThatThrownBy(() -> reviews.sendBackRemoval(admin, f.formId, version(), f.childId, ""))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.NOTE_REQUIRED);
		reviews.sendBackRemoval(admin, f.formId, version(), f.childId, "雇用契約書で確認してください");
		ReviewView view = reviews.view(admin, f.formId);
		assertThat(view.decision(f.childId).decision()).isNull();
		assertThat(view.history()).extracting(ReviewView.Step::kind)
			.containsExactly("REVIEW_STARTED", "REMOVAL_PROPOSED", "REMOVAL_SENT_BACK");
		assertThat(view.history().get(1).detail()).startsWith("削除 喪失日 2026").contains("就職");
		assertThat(view.history().get(2).detail()).isEqualTo("雇用契約書で確認してください");
		assertThatThrownBy(() -> reviews.approveRemoval(admin, f.formId, version(), f.childId)).extracting("messageKey")
			.isEqualTo(ReviewProblem.NOT_PROPOSED);
	}

	@Test
	void without_four_eyes_a_reviewers_removal_is_final() throws Exception {
		reviews.changeSettings(admin, ReviewSettings.DEFAULT.withBasics(false, 7));
		assertThatThrownBy(() -> reviews.changeSettings(reviewer, ReviewSettings.DEFAULT))
			.isInstanceOf(AccessDeniedException.class);
		f.submit();
		reviews.start(reviewer, f.formId);
		reviews.decide(reviewer, f.formId, version(), f.spouseId, continued());
		reviews.decide(reviewer, f.formId, version(), f.childId,
				new DependentDecision(Decision.REMOVE, LocalDate.of(2026, 4, 1), LossReason.EMPLOYMENT, null));
		reviews.complete(reviewer, f.formId, version());
		assertThat(f.formStatus()).isEqualTo("COMPLETED");
		assertThat(audit.search(new AuditLog.Query(f.tenant.id(), null, null, null, "review_settings", 10)))
			.extracting(e -> e.type())
			.containsExactly("REVIEW_SETTINGS_CHANGED");
	}

	@Test
	void a_colleagues_change_since_loading_is_refused_not_overwritten() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		int seen = version();
		reviews.decide(admin, f.formId, seen, f.childId, continued());
		assertThatThrownBy(() -> reviews.decide(reviewer, f.formId, seen, f.childId,
				new DependentDecision(Decision.HOLD, null, null, "要確認")))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.STALE);
		assertThat(reviews.view(admin, f.formId).decision(f.childId).decision()).isEqualTo(Decision.CONTINUE);
	}

	@Test
	void returning_needs_a_message_and_a_reason_mails_the_member_and_the_resubmission_comes_back() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
		List<ReturnReason> reasons = List.of(new ReturnReason(f.childId, null, "在学証明書が不鮮明です"));
		assertThatThrownBy(
				() -> reviews.returnForCorrection(reviewer, f.formId, version(), new ReturnRequest(" ", reasons, null)))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.MESSAGE_REQUIRED);
		assertThatThrownBy(() -> reviews.returnForCorrection(reviewer, f.formId, version(),
				new ReturnRequest("書類を再提出してください", List.of(), null)))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.RETURN_REASON_REQUIRED);
		assertThatThrownBy(() -> reviews.returnForCorrection(reviewer, f.formId, version(),
				new ReturnRequest("書類を再提出してください", reasons, f.deadline.plus(Duration.ofDays(1)))))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.DEADLINE_AFTER_LIMIT);
		reviews.returnForCorrection(reviewer, f.formId, version(), new ReturnRequest("書類を再提出してください", reasons, null));
		assertThat(f.formStatus()).isEqualTo("RETURNED");
		var row = jdbc.sql("select return_message, correction_deadline, returned_count from survey_form where id = ?")
			.param(f.formId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)))
			.single();
		assertThat(row.get(0)).isEqualTo("書類を再提出してください");
		assertThat(row.get(1))
			.isEqualTo(ZonedDateTime.of(2026, 8, 5, 23, 59, 0, 0, jp.kennin.platform.JapanTime.ZONE).toInstant());
		assertThat(row.get(2)).isEqualTo(1);
		String mail = jdbc.sql("select body from mail_outbox where tenant_id = ? and subject like '%差し戻されました%'")
			.param(f.tenant.id())
			.query(String.class)
			.single();
		assertThat(mail).contains("審査 太郎 様", "/login").doesNotContain("書類を再提出してください", "在学証明書");
		assertThat(types()).contains("FORM_RETURNED");
		// The member's survey and home show the 差し戻し with its message and deadline.
		mvc.perform(get("/survey/{f}", f.formId).with(f.member()))
			.andExpect(content().string(containsString("書類を再提出してください")))
			.andExpect(content().string(containsString("修正の期限：2026/08/05 23:59")));
		assertThat(memberSurveys.statusFor(f.tenant.id(), "9", f.bango)).singleElement()
			.satisfies(s -> assertThat(s.returnMessage()).isEqualTo("書類を再提出してください"));
		// A returned form takes new documents but keeps the ones staff saw.
		var owner = new jp.kennin.document.DocumentOwner(f.tenant.id(), "9", f.bango);
		assertThat(documentPolicy.mayUpload(owner, null, "OTHER")).isTrue();
		assertThat(documentPolicy.mayDelete(owner, null)).isFalse();
		f.resubmit();
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
		reviews.start(admin, f.formId);
		assertThat(reviews.view(admin, f.formId).history()).extracting(ReviewView.Step::kind)
			.containsExactly("REVIEW_STARTED", "RETURN_REASON", "FORM_RETURNED", "REVIEW_STARTED");
	}

	@Test
	void other_tenants_and_operators_never_reach_a_review() throws Exception {
		f.submit();
		ReviewActor stranger = new ReviewActor(f.tenant.id() + 100000, "x", "TENANT_ADMIN", null);
		assertThatThrownBy(() -> reviews.start(stranger, f.formId)).hasMessageContaining("not found");
		assertThatThrownBy(() -> reviews.view(stranger, f.formId)).hasMessageContaining("not found");
		assertThatThrownBy(() -> ReviewActor.of(new jp.kennin.platform.StaffActor("op", "OPERATOR", null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
	}

	private static DependentDecision continued() {
		return new DependentDecision(Decision.CONTINUE, null, null, null);
	}

	private int version() {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

	private List<String> types() {
		return audit.search(new AuditLog.Query(f.tenant.id(), null, null, null, "survey_form:" + f.formId, 100))
			.stream()
			.map(e -> e.type())
			.toList();
	}

}
