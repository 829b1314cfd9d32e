package jp.kennin.survey.internal;

import java.util.List;

import jp.kennin.document.DocumentAdded;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A document uploaded while the household's form is returned (差し戻し) is recorded in the
 * form's history, so the 再提出 shows staff which documents came after the return (the
 * earlier ones stay: a returned form deletes nothing). Runs in the upload's transaction.
 */
@Component
class ReturnedFormDocuments {

	private final JdbcClient jdbc;

	private final FormEventRepository events;

	ReturnedFormDocuments(JdbcClient jdbc, FormEventRepository events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void on(DocumentAdded added) {
		List<Long> returned = jdbc
			.sql("select id from survey_form where tenant_id = ? and kigo = ? and bango = ? and status = 'RETURNED'")
			.params(added.tenantId(), added.kigo(), added.bango())
			.query(Long.class)
			.list();
		for (long formId : returned) {
			events.add(added.tenantId(), formId, FormEvent.Kind.DOCUMENT_ADDED, null, added.documentId(),
					added.subjectPersonId(), added.slot(), added.addedAt());
		}
	}

}
