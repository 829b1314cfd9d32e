package jp.kennin.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.review.ReviewView.DocumentState;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;

import org.springframework.stereotype.Component;

/**
 * The documents of a form as the review screen lists them: the household's documents
 * about one of the form's dependents. A document outside this set (another household's,
 * another tenant's, or the insured person's own) cannot be checked: it is not found.
 */
@Component
class FormDocuments {

	private final Documents documents;

	private final DocumentCheckRepository checks;

	FormDocuments(Documents documents, DocumentCheckRepository checks) {
		this.documents = documents;
		this.checks = checks;
	}

	/** A document of the form and the dependent it is about. */
	record FormDocument(StoredDocument document, FormDependent dependent) {
	}

	Map<Long, FormDocument> of(long tenantId, ReviewedForm form) {
		Map<Long, FormDocument> out = new LinkedHashMap<>();
		var household = documents.listForStaff(tenantId, form.form().kigo(), form.form().bango());
		for (FormDependent d : form.dependents()) {
			for (StoredDocument doc : household) {
				if (Long.valueOf(d.rosterPersonId()).equals(doc.subjectPersonId())) {
					out.put(doc.id(), new FormDocument(doc, d));
				}
			}
		}
		return out;
	}

	Optional<FormDocument> find(long tenantId, ReviewedForm form, long documentId) {
		return Optional.ofNullable(of(tenantId, form).get(documentId));
	}

	/**
	 * Every document of the form with its current check ({@code caseId} null: none yet).
	 */
	Map<Long, DocumentState> states(long tenantId, ReviewedForm form, Long caseId) {
		Map<Long, DocumentCheckRepository.Row> rows = caseId == null ? Map.of() : checks.checks(tenantId, caseId);
		Map<Long, DocumentState> out = new LinkedHashMap<>();
		of(tenantId, form).forEach((id, fd) -> {
			var row = rows.get(id);
			out.put(id,
					row == null ? DocumentState.unchecked(fd.dependent().id(), fd.document().originalName())
							: new DocumentState(fd.dependent().id(), fd.document().originalName(), row.result(),
									row.reason(), row.note(), row.checkedBy(), row.checkedAt()));
		});
		return out;
	}

}
