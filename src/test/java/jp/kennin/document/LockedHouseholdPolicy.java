package jp.kennin.document;

import org.springframework.stereotype.Component;

/** Test policy: households with 記号 "LK" stand for a submitted survey whose files may not change. */
@Component
class LockedHouseholdPolicy implements DocumentChangePolicy {

	static final String LOCKED_KIGO = "LK";

	@Override
	public boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot) {
		return !LOCKED_KIGO.equals(owner.kigo());
	}

	@Override
	public boolean mayDelete(DocumentOwner owner, StoredDocument document) {
		return !LOCKED_KIGO.equals(owner.kigo());
	}

}
