package jp.kennin.document;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Test policy: households with 記号 "LK" stand for a submitted survey whose files may not
 * change. A test puts the files they submitted in place with {@link #beforeSubmission},
 * since {@link Documents} applies the policy to every upload.
 */
@Component
class LockedHouseholdPolicy implements DocumentChangePolicy {

	static final String LOCKED_KIGO = "LK";

	private static final ThreadLocal<Boolean> OPEN = ThreadLocal.withInitial(() -> false);

	/** Runs {@code action} as if the household had not submitted yet. */
	static <T> T beforeSubmission(Supplier<T> action) {
		OPEN.set(true);
		try {
			return action.get();
		}
		finally {
			OPEN.remove();
		}
	}

	@Override
	public boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot) {
		return OPEN.get() || !LOCKED_KIGO.equals(owner.kigo());
	}

	@Override
	public boolean mayDelete(DocumentOwner owner, StoredDocument document) {
		return !LOCKED_KIGO.equals(owner.kigo());
	}

}
