package jp.kennin.document.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A finished upload or delete, carried to the next page as a flash attribute
 * ({@code documentNotice}) so the fragment shows the message in the slot it belongs to,
 * where the page returns (URL fragment).
 */
public record UploadNotice(String slot, Long subject, String message) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public boolean isFor(String slotCode, Long subjectId) {
		return slot != null && slot.equals(slotCode) && Objects.equals(subject, subjectId);
	}

	/** The id of the slot's message element (templates/document/upload.html). */
	public String anchor() {
		return SlotIds.fieldId(slot, subject) + "-result";
	}

}
