package jp.kennin.document.web;

import org.springframework.web.multipart.MultipartFile;

/**
 * One file for one slot, from the upload fragment. {@code returnTo} is the page to come
 * back to.
 */
class UploadForm {

	private MultipartFile file;

	private String slot = "OTHER";

	private Long subject;

	private String returnTo;

	public MultipartFile getFile() {
		return file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}

	public String getSlot() {
		return slot;
	}

	public void setSlot(String slot) {
		this.slot = slot;
	}

	public Long getSubject() {
		return subject;
	}

	public void setSubject(Long subject) {
		this.subject = subject;
	}

	public String getReturnTo() {
		return returnTo;
	}

	public void setReturnTo(String returnTo) {
		this.returnTo = returnTo;
	}

}
