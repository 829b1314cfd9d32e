package jp.kennin.letter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.kennin.letter.LetterTexts;

/** One letter kind's title and body as typed on the settings page. */
public class LetterTextsForm {

	@NotBlank(message = "{letter.settings.error.title}")
	@Size(max = LetterTexts.TITLE_MAX, message = "{letter.settings.error.titleLength}")
	private String title;

	@NotBlank(message = "{letter.settings.error.body}")
	@Size(max = LetterTexts.BODY_MAX, message = "{letter.settings.error.bodyLength}")
	private String body;

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
