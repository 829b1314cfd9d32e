package jp.kennin.lossnotice.web;

import java.nio.charset.StandardCharsets;

import jp.kennin.lossnotice.LossNotices;
import jp.kennin.platform.Downloads;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A notice PDF as a download that is never cached (it carries personal data). */
final class NoticeResponses {

	private NoticeResponses() {
	}

	static ResponseEntity<byte[]> pdf(LossNotices.Pdf pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(pdf.fileName()))
			.body(pdf.content());
	}

	static String disposition(String fileName) {
		return ContentDisposition.attachment()
			.filename(Downloads.safeFileName(fileName), StandardCharsets.UTF_8)
			.build()
			.toString();
	}

}
