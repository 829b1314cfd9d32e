package jp.kennin.review;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.review.DocumentCheck.Result;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 確認済 / 不備 per document through {@link DocumentChecks}: the result the review screen and
 * bulk approval read, the refusals, the audit record and the history.
 */
@KenninIntegrationTest
class DocumentCheckIntegrationTests {

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
	DocumentChecks checks;

	@Autowired
	Documents documents;

	@Autowired
	AuditLog audit;

	private ReviewFixture f;

	private ReviewActor reviewer;

	private long spouseDocument;

	private long childDocument;

	/** The insured person's own document: of the household, but not about a dependent. */
	private long insuredOwn;

	@BeforeEach
	void setUp() throws Exception {
		f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		reviewer = new ReviewActor(f.tenant.id(), "doccheck-reviewer", "REVIEWER", "10.0.0.7");
		spouseDocument = store(f, f.spouseId, "課税証明書.pdf");
		childDocument = store(f, f.childId, "在学証明書.pdf");
		insuredOwn = documents
			.store(new DocumentOwner(f.tenant.id(), "9", f.bango), null, "OTHER", "本人.pdf", TestFiles.pdf(1))
			.id();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_confirmed_document_shows_on_the_view_and_all_confirmed_opens_bulk_approval() throws Exception {
		started();
		ReviewView before = reviews.view(reviewer, f.formId);
		assertThat(before.documentChecks()).containsOnlyKeys(spouseDocument, childDocument);
		assertThat(before.documentCheck(spouseDocument).checked()).isFalse();
		assertThat(before.allDocumentsConfirmed()).isFalse();
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument, confirm());
		ReviewView one = reviews.view(reviewer, f.formId);
		assertThat(one.documentCheck(spouseDocument).confirmed()).isTrue();
		assertThat(one.documentCheck(spouseDocument).checkedBy()).isEqualTo("doccheck-reviewer");
		assertThat(one.allDocumentsConfirmed()).isFalse();
		checks.checkDocument(reviewer, f.formId, version(), childDocument, confirm());
		assertThat(reviews.view(reviewer, f.formId).allDocumentsConfirmed()).isTrue();
	}

	@Test
	void a_deficient_document_needs_a_reason_from_the_templates_or_other_with_a_note() throws Exception {
		started();
		for (DocumentCheck missing : List.of(new DocumentCheck(Result.DEFICIENT, null, null),
				new DocumentCheck(Result.DEFICIENT, " ", " "),
				new DocumentCheck(Result.DEFICIENT, DocumentCheck.OTHER_REASON, ""))) {
			assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, version(), spouseDocument, missing))
				.isInstanceOf(ReviewProblem.class)
				.extracting("messageKey")
				.isEqualTo("review.problem.documentReasonRequired");
		}
		assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "勝手な理由", null)))
			.extracting("messageKey")
			.isEqualTo("review.problem.documentReasonUnknown");
		assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, DocumentCheck.OTHER_REASON, "印影\u0000なし")))
			.extracting("messageKey")
			.isEqualTo("review.problem.controlCharacters");
		assertThat(reviews.view(reviewer, f.formId).documentCheck(spouseDocument).checked()).isFalse();
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "書類が不鮮明", "右下が切れている"));
		checks.checkDocument(reviewer, f.formId, version(), childDocument,
				new DocumentCheck(Result.DEFICIENT, DocumentCheck.OTHER_REASON, "学校名がない"));
		ReviewView view = reviews.view(reviewer, f.formId);
		assertThat(view.documentCheck(spouseDocument).reasonText()).isEqualTo("書類が不鮮明（右下が切れている）");
		assertThat(view.documentCheck(childDocument).reasonText()).isEqualTo("学校名がない");
		assertThat(view.deficientDocuments()).containsOnlyKeys(spouseDocument, childDocument);
		assertThat(view.allDocumentsConfirmed()).isFalse();
	}

	@Test
	void a_recheck_replaces_the_result_and_the_history_keeps_both() throws Exception {
		started();
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "期間が不足", null));
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument, confirm());
		ReviewView view = reviews.view(reviewer, f.formId);
		assertThat(view.documentCheck(spouseDocument).confirmed()).isTrue();
		assertThat(view.deficientDocuments()).isEmpty();
		assertThat(view.history()).filteredOn(s -> s.kind().equals("DOCUMENT_CHECKED"))
			.extracting(ReviewView.Step::detail)
			.containsExactly("課税証明書.pdf：不備（期間が不足）", "課税証明書.pdf：確認済");
		assertThat(view.history()).filteredOn(s -> s.kind().equals("DOCUMENT_CHECKED"))
			.allSatisfy(s -> assertThat(s.dependentId()).isEqualTo(f.spouseId));
		assertThat(jdbc.sql("select count(*) from review_document_check where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void each_check_is_audited_with_the_document_and_result() throws Exception {
		started();
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "マイナンバーが見えている", null));
		var events = audit.search(new AuditLog.Query(f.tenant.id(), null, null, null, "survey_form:" + f.formId, 100))
			.stream()
			.filter(e -> e.type().equals("DOCUMENT_CHECKED"))
			.toList();
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.actorId()).isEqualTo("doccheck-reviewer");
			assertThat(e.details()).containsEntry("documentId", String.valueOf(spouseDocument))
				.containsEntry("edaban", "01")
				.containsEntry("result", "DEFICIENT")
				.containsEntry("reason", "マイナンバーが見えている");
		});
	}

	@Test
	void another_tenants_or_households_document_is_not_found() throws Exception {
		started();
		ReviewFixture other = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		long foreign = store(other, other.spouseId, "他健保.pdf");
		for (long document : List.of(foreign, insuredOwn, 987654321L)) {
			assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, version(), document, confirm()))
				.hasMessageContaining("not found");
		}
		ReviewActor stranger = new ReviewActor(other.tenant.id(), "x", "TENANT_ADMIN", null);
		assertThatThrownBy(() -> checks.checkDocument(stranger, f.formId, version(), spouseDocument, confirm()))
			.hasMessageContaining("not found");
		assertThat(checkRows()).isZero();
	}

	@Test
	void only_a_form_under_review_takes_checks_and_a_stale_version_is_refused() throws Exception {
		f.submit();
		assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, 0, spouseDocument, confirm()))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.NOT_IN_REVIEW);
		reviews.start(reviewer, f.formId);
		int seen = version();
		ReviewActor colleague = new ReviewActor(f.tenant.id(), "doccheck-admin", "TENANT_ADMIN", null);
		checks.checkDocument(colleague, f.formId, seen, childDocument, confirm());
		assertThatThrownBy(() -> checks.checkDocument(reviewer, f.formId, seen, spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "書類が不鮮明", null)))
			.extracting("messageKey")
			.isEqualTo(ReviewProblem.STALE);
		assertThat(reviews.view(reviewer, f.formId).documentCheck(spouseDocument).checked()).isFalse();
		ReviewActor operatorLike = new ReviewActor(f.tenant.id(), "op", "OPERATOR", null);
		assertThatThrownBy(() -> checks.checkDocument(operatorLike, f.formId, version(), spouseDocument, confirm()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void a_return_takes_the_deficient_document_as_its_reason() throws Exception {
		started();
		checks.checkDocument(reviewer, f.formId, version(), spouseDocument,
				new DocumentCheck(Result.DEFICIENT, "書類が不鮮明", null));
		var state = reviews.view(reviewer, f.formId).documentCheck(spouseDocument);
		assertThatThrownBy(() -> reviews.returnForCorrection(reviewer, f.formId, version(),
				new Reviews.ReturnRequest("撮り直してください",
						List.of(new Reviews.ReturnReason(f.childId, spouseDocument, state.returnReason())), null)))
			.hasMessageContaining("not found");
		reviews.returnForCorrection(reviewer, f.formId, version(), new Reviews.ReturnRequest("撮り直してください",
				List.of(new Reviews.ReturnReason(f.spouseId, spouseDocument, state.returnReason())), null));
		assertThat(f.formStatus()).isEqualTo("RETURNED");
		assertThat(reviews.view(reviewer, f.formId).history()).filteredOn(s -> s.kind().equals("RETURN_REASON"))
			.extracting(ReviewView.Step::detail)
			.containsExactly("document:" + spouseDocument + " 課税証明書.pdf：書類が不鮮明");
	}

	@Test
	void the_review_screen_checks_documents_and_offers_the_deficient_ones_as_return_reasons() throws Exception {
		started();
		var staff = jp.kennin.test.TestStaff.reviewer(f.tenant.id());
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-document-" + spouseDocument + "\"")))
			.andExpect(content().string(containsString("<option value=\"期間が不足\">期間が不足</option>")))
			.andExpect(content().string(containsString("未確認")));
		mvc.perform(post("/admin/reviews/{f}/documents/{d}/check", f.formId, spouseDocument).with(staff)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("result", "DEFICIENT")
			.param("reason", "その他")
			.param("note", "")).andExpect(flash().attribute("problem", "review.problem.documentReasonRequired"));
		mvc.perform(post("/admin/reviews/{f}/documents/{d}/check", f.formId, spouseDocument).with(staff)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("result", "DEFICIENT")
			.param("reason", "書類が不鮮明")
			.param("note", "")).andExpect(flash().attribute("flash", "review.flash.documentChecked"));
		mvc.perform(post("/admin/reviews/{f}/documents/{d}/check", f.formId, childDocument).with(staff)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("result", "CONFIRMED")).andExpect(flash().attribute("flash", "review.flash.documentChecked"));
		String checkbox = "document-reason-" + f.spouseId + "-" + spouseDocument;
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(staff))
			.andExpect(content().string(containsString("不備：書類が不鮮明")))
			.andExpect(content().string(containsString("確認済")))
			.andExpect(content().string(containsString("name=\"" + checkbox + "\"")))
			.andExpect(content().string(containsString("課税証明書.pdf：書類が不鮮明")));
		mvc.perform(post("/admin/reviews/{f}/return", f.formId).with(staff)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("message", "書類を撮り直してください")
			.param(checkbox, "課税証明書.pdf：書類が不鮮明")).andExpect(flash().attribute("flash", "review.flash.returned"));
		assertThat(f.formStatus()).isEqualTo("RETURNED");
		assertThat(reviews.view(reviewer, f.formId).history()).filteredOn(s -> s.kind().equals("RETURN_REASON"))
			.extracting(ReviewView.Step::dependentId, ReviewView.Step::detail)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(f.spouseId,
					"document:" + spouseDocument + " 課税証明書.pdf：書類が不鮮明"));
	}

	private void started() throws Exception {
		f.submit();
		reviews.start(reviewer, f.formId);
	}

	private long store(ReviewFixture fixture, long dependentId, String name) {
		long person = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(dependentId)
			.query(Long.class)
			.single();
		return documents
			.store(new DocumentOwner(fixture.tenant.id(), "9", fixture.bango), person, "OTHER", name, TestFiles.pdf(1))
			.id();
	}

	private static DocumentCheck confirm() {
		return new DocumentCheck(Result.CONFIRMED, null, null);
	}

	private int version() {
		return jdbc.sql("select coalesce(max(version), 0) from review_case where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

	private int checkRows() {
		return jdbc.sql("select count(*) from review_document_check where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

}
