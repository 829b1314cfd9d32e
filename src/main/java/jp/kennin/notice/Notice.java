package jp.kennin.notice;

import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.platform.SafeMarkdown;

/**
 * A dated notice. {@code tenantId} null means a site notice. {@code body} is Markdown
 * (plain text is valid Markdown); {@link #bodyHtml()} gives it sanitised for display.
 * {@code attachmentName} is null when there is no attachment (a PDF, served at
 * {@code /notices/{id}/attachment} while published).
 */
public record Notice(long id, Long tenantId, LocalDate date, String title, String body, Instant publishFrom,
		Instant publishUntil, String attachmentName, Long attachmentSize) {

	public String bodyHtml() {
		return SafeMarkdown.toHtml(body);
	}

	public boolean publishedAt(Instant now) {
		return (publishFrom == null || !publishFrom.isAfter(now))
				&& (publishUntil == null || publishUntil.isAfter(now));
	}

}
