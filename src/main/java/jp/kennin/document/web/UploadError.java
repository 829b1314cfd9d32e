package jp.kennin.document.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A refused upload, carried to the next page as a flash attribute ({@code documentError})
 * so the fragment shows the message next to the right file input.
 */
public record UploadError(String slot, Long subject, String message) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** True if this error belongs to the given slot (and dependent, if any). */
	public boolean isFor(String slotCode, Long subjectId) {
		return slot != null && slot.equals(slotCode) && Objects.equals(subject, subjectId);
	}

	/**
	 * The id of the error message next to the slot's file input
	 * (templates/document/upload.html).
	 */
	public String anchor() {
		return SlotIds.fieldId(slot, subject) + "-error";
	}

	/** The id of the slot's file input, which the error summary at the top links to. */
	public String inputId() {
		return SlotIds.fieldId(slot, subject);
	}

}
