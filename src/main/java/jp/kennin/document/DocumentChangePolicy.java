package jp.kennin.document;

/**
 * Lets another module (the survey) say when a household may no longer add or delete
 * files, e.g. after submission or once review has started. Every policy bean must agree;
 * with none, changes are allowed.
 */
public interface DocumentChangePolicy {

	boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot);

	boolean mayDelete(DocumentOwner owner, StoredDocument document);

}
