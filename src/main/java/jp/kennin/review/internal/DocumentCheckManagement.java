package jp.kennin.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.review.DocumentCheck;
import jp.kennin.review.DocumentChecks;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.ReviewView.DocumentState;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveyStatus;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.kennin.review.ReviewAuditEvent.DOCUMENT_CHECKED;

/**
 * 確認済 / 不備 per document: role, tenant and form scope, version check, the current check,
 * the history entry and the audit record in one transaction.
 */
@Service
@Transactional
class DocumentCheckManagement implements DocumentChecks {

	static final String DOCUMENT_REASON_REQUIRED = "review.problem.documentReasonRequired";

	static final String DOCUMENT_REASON_UNKNOWN = "review.problem.documentReasonUnknown";

	static final String DOCUMENT_RESULT_REQUIRED = "review.problem.documentResultRequired";

	static final String CONTROL_CHARACTERS = "review.problem.controlCharacters";

	private final SurveyReviewSteps forms;

	private final ReviewRepository reviews;

	private final DocumentCheckRepository checks;

	private final FormDocuments documents;

	private final ReviewAudit audit;

	private final MessageSource messages;

	private final Clock clock;

	DocumentCheckManagement(SurveyReviewSteps forms, ReviewRepository reviews, DocumentCheckRepository checks,
			FormDocuments documents, ReviewAudit audit, MessageSource messages, Clock clock) {
		this.forms = forms;
		this.reviews = reviews;
		this.checks = checks;
		this.documents = documents;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public void checkDocument(ReviewActor actor, long formId, int version, long documentId, DocumentCheck check) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators check documents");
		}
		long tenant = actor.tenantId();
		ReviewedForm form = forms.find(tenant, formId).orElseThrow(ReviewNotFound::new);
		var document = documents.find(tenant, form, documentId).orElseThrow(ReviewNotFound::new);
		if (form.form().status() != SurveyStatus.State.IN_REVIEW) {
			throw new ReviewProblem(ReviewProblem.NOT_IN_REVIEW);
		}
		var review = reviews.find(tenant, formId).orElseThrow(() -> new ReviewProblem(ReviewProblem.NOT_IN_REVIEW));
		DocumentCheck checked = checked(check, reviews.settings(tenant).reasonTemplates());
		Instant now = clock.instant();
		if (!reviews.bump(tenant, review.id(), version, now)) {
			throw new ReviewProblem(ReviewProblem.STALE);
		}
		checks.save(tenant, review.id(), formId, documentId, checked, actor.loginId(), now);
		DocumentState state = new DocumentState(document.dependent().id(), document.document().originalName(),
				checked.result(), checked.reason(), checked.note(), actor.loginId(), now);
		String detail = text("review.documentCheck.history." + checked.result().name(), state.documentName(),
				state.reasonText());
		reviews.addEvent(tenant, review.id(), DOCUMENT_CHECKED.name(), document.dependent().id(),
				detail.length() > 2000 ? detail.substring(0, 2000) : detail, actor.loginId(), actor.role(), now);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("documentId", String.valueOf(documentId));
		details.put("edaban", document.dependent().edaban());
		details.put("result", checked.result().name());
		if (checked.reason() != null) {
			details.put("reason", checked.reason());
		}
		audit.form(DOCUMENT_CHECKED, actor, formId, details);
	}

	/**
	 * The check as stored: a 確認済 keeps only its note; a 不備 needs a template reason, or
	 * その他 (or no reason) with a note.
	 */
	static DocumentCheck checked(DocumentCheck check, List<String> templates) {
		if (check == null || check.result() == null) {
			throw new ReviewProblem(DOCUMENT_RESULT_REQUIRED);
		}
		String note = check.note() == null || check.note().isBlank() ? null : check.note().strip();
		String reason = check.reason() == null || check.reason().isBlank() ? null : check.reason().strip();
		if (NoControlCharacters.Check.found(note, false) || NoControlCharacters.Check.found(reason, false)) {
			throw new ReviewProblem(CONTROL_CHARACTERS);
		}
		if (note != null && note.length() > DecisionRules.NOTE_MAX) {
			throw new ReviewProblem("review.problem.noteTooLong");
		}
		if (check.result() == DocumentCheck.Result.CONFIRMED) {
			return new DocumentCheck(DocumentCheck.Result.CONFIRMED, null, note);
		}
		if (reason == null || DocumentCheck.OTHER_REASON.equals(reason)) {
			if (note == null) {
				throw new ReviewProblem(DOCUMENT_REASON_REQUIRED);
			}
			return new DocumentCheck(DocumentCheck.Result.DEFICIENT, DocumentCheck.OTHER_REASON, note);
		}
		if (!templates.contains(reason)) {
			throw new ReviewProblem(DOCUMENT_REASON_UNKNOWN);
		}
		return new DocumentCheck(DocumentCheck.Result.DEFICIENT, reason, note);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.JAPANESE);
	}

}
