package jp.kennin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Sending stored files (ASVS 5.4.1/5.4.2: safe {@code Content-Disposition}, no sniffing) and checking
 * uploaded PDFs by content, not by name.
 */
public final class Downloads {

	/** Notice and manual attachments: PDF, at most 10 MB. */
	public static final long MAX_PDF_BYTES = 10L * 1024 * 1024;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private Downloads() {
	}

	/** True if the first bytes are a PDF header. */
	public static boolean isPdf(byte[] head) {
		return head.length >= PDF_MAGIC.length && Arrays.equals(Arrays.copyOf(head, PDF_MAGIC.length), PDF_MAGIC);
	}

	public static void send(HttpServletResponse response, String fileName, String contentType, boolean inline,
			InputStream content) throws IOException {
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
