package jp.kennin.document;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How document bytes go out: always {@code nosniff}, {@code no-store} and a sandboxing
 * CSP; downloads as an attachment with the RFC 5987 UTF-8 file name; inline only for the
 * images Kennin itself encoded.
 */
public final class DocumentResponses {

	private static final Set<String> INLINE_TYPES = Set.of("image/jpeg", "image/png");

	private DocumentResponses() {
	}

	public static ResponseEntity<byte[]> attachment(DocumentContent content) {
		return build(content, ContentDisposition.attachment());
	}

	/**
	 * An image to show in the page (thumbnail or re-encoded photo); anything else is
	 * downloaded.
	 */
	public static ResponseEntity<byte[]> inline(DocumentContent content) {
		if (!INLINE_TYPES.contains(content.contentType())) {
			return attachment(content);
		}
		return build(content, ContentDisposition.inline());
	}

	private static ResponseEntity<byte[]> build(DocumentContent content, ContentDisposition.Builder disposition) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.contentLength(content.bytes().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.cacheControl(CacheControl.noStore())
			.body(content.bytes());
	}

}
