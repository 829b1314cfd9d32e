package jp.kennin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Sending stored files (ASVS 5.4.1/5.4.2: safe {@code Content-Disposition}, no sniffing)
 * and checking uploaded PDFs by content, not by name.
 */
public final class Downloads {

	/** Notice and manual attachments: PDF, at most 10 MB. */
	public static final long MAX_PDF_BYTES = 10L * 1024 * 1024;

	private static final int MAX_FILE_NAME = 120;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private Downloads() {
	}

	/** True if the first bytes are a PDF header. */
	public static boolean isPdf(byte[] head) {
		return head.length >= PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(head, PDF_MAGIC.length), PDF_MAGIC);
	}

	/**
	 * A file name safe to offer for download, whatever the text it is made from (a
	 * campaign title, an uploaded file's name): control and invisible formatting
	 * characters (CR/LF would break the header; bidi overrides disguise extensions), path
	 * separators and the characters Windows refuses become {@code _}; at most 120
	 * characters, the extension kept.
	 */
	public static String safeFileName(String name) {
		StringBuilder safe = new StringBuilder();
		(name == null ? "" : name).codePoints().forEach(c -> {
			int type = Character.getType(c);
			boolean invisible = type == Character.CONTROL || type == Character.FORMAT
					|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
					|| type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
			safe.appendCodePoint(invisible || "/\\:*?\"<>|;".indexOf(c) >= 0 ? '_' : c);
		});
		String cleaned = safe.toString().strip().replaceAll("^[.\\s]+", "");
		if (cleaned.codePointCount(0, cleaned.length()) > MAX_FILE_NAME) {
			int dot = cleaned.lastIndexOf('.');
			String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
			cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_FILE_NAME - extension.length()))
					+ extension;
		}
		return cleaned.isEmpty() ? "download" : cleaned;
	}

	public static void send(HttpServletResponse response, String fileName, String contentType, boolean inline,
			InputStream content) throws IOException {
		fileName = safeFileName(fileName);
		String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		response.setContentType(contentType);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Disposition",
				(inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
		try (content) {
			content.transferTo(response.getOutputStream());
		}
	}

}
