package jp.kennin.notice.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.kennin.platform.NoControlCharacters;

import org.springframework.web.multipart.MultipartFile;

/**
 * A notice as typed: dates as {@code yyyy-MM-dd}, publish times as
 * {@code yyyy-MM-ddTHH:mm} in Japan time.
 */
public class NoticeForm {

	@NotBlank(message = "{notice.form.date.required}")
	@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}|", message = "{notice.form.date.format}")
	private String date = "";

	@NotBlank(message = "{notice.form.title.required}")
	@Size(max = 200, message = "{notice.form.title.size}")
	@NoControlCharacters(message = "{notice.form.title.controlCharacters}")
	private String title = "";

	@Size(max = 20000, message = "{notice.form.body.size}")
	@NoControlCharacters(multiline = true, message = "{notice.form.body.controlCharacters}")
	private String body = "";

	@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|", message = "{notice.form.time.format}")
	private String publishFrom = "";

	@Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|", message = "{notice.form.time.format}")
	private String publishUntil = "";

	private MultipartFile attachment;

	private boolean removeAttachment;

	public String getDate() {
		return date;
	}

	public void setDate(String date) {
		this.date = date == null ? "" : date.strip().replace('/', '-');
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title == null ? "" : title.strip();
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body == null ? "" : body;
	}

	public String getPublishFrom() {
		return publishFrom;
	}

	public void setPublishFrom(String v) {
		this.publishFrom = v == null ? "" : v.strip();
	}

	public String getPublishUntil() {
		return publishUntil;
	}

	public void setPublishUntil(String v) {
		this.publishUntil = v == null ? "" : v.strip();
	}

	public MultipartFile getAttachment() {
		return attachment;
	}

	public void setAttachment(MultipartFile attachment) {
		this.attachment = attachment;
	}

	public boolean isRemoveAttachment() {
		return removeAttachment;
	}

	public void setRemoveAttachment(boolean removeAttachment) {
		this.removeAttachment = removeAttachment;
	}

}
