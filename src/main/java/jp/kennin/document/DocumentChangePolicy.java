package jp.kennin.document;

/**
 * Lets another module (the survey) say when a household may no longer add or delete
 * files, e.g. after submission or once review has started. Every policy bean must agree;
 * with none, changes are allowed.
 */
public interface DocumentChangePolicy {

	/**
	 * Whether this policy has a say over files of the slot at all. The survey's slots are
	 * upper-case codes; another module's slots name it (e.g.
	 * {@code subsidy-receipt:<claim id>}) and are left to that module's policy.
	 */
	default boolean governs(String slot) {
		return true;
	}

	boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot);

	boolean mayDelete(DocumentOwner owner, StoredDocument document);

}
