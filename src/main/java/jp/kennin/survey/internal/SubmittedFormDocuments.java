package jp.kennin.survey.internal;

import java.sql.Timestamp;

import jp.kennin.document.DocumentAdded;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A document uploaded while the household's form is submitted (the policy allows adding
 * until review starts) is recorded in the form's history, so staff see it marked 「提出後に追加」
 * with its time: the member's PDF copy does not list it. If it is a document the member
 * had said would come by post or could not be provided, it no longer counts as missing.
 * Runs in the upload's transaction.
 */
@Component
class SubmittedFormDocuments {

	private final SurveyFormRepository forms;

	private final FormEventRepository events;

	private final DocumentChoiceRepository choices;

	SubmittedFormDocuments(SurveyFormRepository forms, FormEventRepository events, DocumentChoiceRepository choices) {
		this.forms = forms;
		this.events = events;
		this.choices = choices;
	}

	@EventListener
	void on(DocumentAdded added) {
		for (long formId : forms.submittedForms(added.tenantId(), added.kigo(), added.bango())) {
			events.add(added.tenantId(), formId, FormEvent.Kind.DOCUMENT_ADDED, null, added.documentId(),
					added.subjectPersonId(), added.slot(), added.addedAt());
			forms.countAddedDocument(added.tenantId(), formId);
			if (added.subjectPersonId() != null) {
				choices.documentAdded(added.tenantId(), formId, added.subjectPersonId(), added.slot(),
						Timestamp.from(added.addedAt()));
				forms.countMissingDocuments(added.tenantId(), formId);
			}
		}
	}

}
