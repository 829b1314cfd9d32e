package jp.kennin.roster.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a roster upload refused for its size, read without a multipart parser: the
 * chosen mode from its first bytes (the mode field comes before the file in the form),
 * the rest read and dropped.
 * <p>
 * Dropping matters: a server that answers while the browser is still sending and then
 * closes the connection makes the browser show a connection error instead of the answer.
 * Tomcat only reads on (swallows) 2 MB, so a refused file of hundreds of MB is read here,
 * up to a cap.
 */
final class RefusedUploadBody {

	static final int HEAD_BYTES = 16 * 1024;

	private static final Pattern MODE = Pattern.compile(
			"Content-Disposition:\\s*form-data;\\s*name=\"mode\"\r\n(?:[^\r\n]+\r\n)*\r\n(SNAPSHOT|DELTA)\r\n",
			Pattern.CASE_INSENSITIVE);

	private RefusedUploadBody() {
	}

	/** The {@code mode} field if it is among the first bytes, else null. */
	static String mode(byte[] head) {
		Matcher m = MODE.matcher(new String(head, StandardCharsets.ISO_8859_1));
		return m.find() ? m.group(1) : null;
	}

	static byte[] head(InputStream body) throws IOException {
		return body.readNBytes(HEAD_BYTES);
	}

	/** Reads and drops at most {@code max} bytes; true if the body ended within them. */
	static boolean discard(InputStream body, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = max;
		while (left > 0) {
			int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (n < 0) {
				return true;
			}
			left -= n;
		}
		return body.read() < 0;
	}

}
