package jp.kennin.document.web;

/**
 * The element ids of an upload slot, as templates/document/upload.html builds them: the
 * redirect after an upload names the slot's message in its URL fragment, so a phone shows
 * the outcome, not the page top.
 */
final class SlotIds {

	private SlotIds() {
	}

	static String fieldId(String slot, Long subject) {
		return "document-" + slot + (subject != null ? "-" + subject : "");
	}

	/** The return path with the fragment replaced by {@code anchor}. */
	static String withAnchor(String path, String anchor) {
		int hash = path.indexOf('#');
		return (hash < 0 ? path : path.substring(0, hash)) + "#" + anchor;
	}

}
