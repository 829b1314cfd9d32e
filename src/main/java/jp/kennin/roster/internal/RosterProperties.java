package jp.kennin.roster.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kennin.roster.*} (docs/configuration.md).
 *
 * @param maxUploadSize the largest roster file the staff page accepts. Only the upload
 * URL has this limit (a servlet of its own, see
 * {@code RosterUploadServletConfiguration}); every other upload keeps
 * {@code spring.servlet.multipart.*}. The CLI and the API have no limit.
 */
@ConfigurationProperties("kennin.roster")
public record RosterProperties(@DefaultValue("256MB") DataSize maxUploadSize) {

	/**
	 * Room for the other form fields and the multipart framing around the file: a request
	 * up to this size is parsed, anything larger is refused before a byte of it is
	 * stored.
	 */
	public static final long FORM_OVERHEAD_BYTES = 64 * 1024;

	public RosterProperties {
		if (maxUploadSize == null || maxUploadSize.toBytes() <= 0) {
			throw new IllegalArgumentException("kennin.roster.max-upload-size must be positive");
		}
	}

	public long maxUploadBytes() {
		return maxUploadSize.toBytes();
	}

	public long maxRequestBytes() {
		return maxUploadBytes() + FORM_OVERHEAD_BYTES;
	}

	/** The limit as people read it: 256MB, 1GB, 512KB. */
	public String maxUploadText() {
		long bytes = maxUploadBytes();
		if (bytes % (1L << 30) == 0) {
			return (bytes >> 30) + "GB";
		}
		if (bytes % (1L << 20) == 0) {
			return (bytes >> 20) + "MB";
		}
		if (bytes % (1L << 10) == 0) {
			return (bytes >> 10) + "KB";
		}
		return bytes + "B";
	}

}
