package jp.kennin.document;

import java.util.regex.Pattern;

import java.time.Instant;
import java.util.Locale;

/**
 * One uploaded file's metadata. {@code originalName} is what the member's device called
 * it: shown, never used as a path. {@code contentType}, {@code sizeBytes} and
 * {@code sha256} describe the stored (served) bytes, which for images are Kennin's
 * re-encoded copy.
 *
 * @param subjectPersonId the roster ID of the dependent the document is about, if any
 * @param slot the upload slot, e.g. a {@code jp.kennin.eligibility.RequiredDocument} code
 * or {@code OTHER}
 * @param scanStatus the virus scan's verdict; only a clean file is served
 */
public record StoredDocument(long id, long tenantId, String ownerKey, Long subjectPersonId, String slot,
		String originalName, String contentType, DocumentKind kind, long sizeBytes, String sha256, Integer width,
		Integer height, Integer pageCount, boolean hasThumbnail, Instant createdAt, ScanStatus scanStatus) {

	/**
	 * The slots a file may be stored in: an upper-case code (the survey's required
	 * documents, OTHER), or an influenza subsidy claim's receipt
	 * ({@code subsidy-receipt:<claim id>}, issue 15).
	 */
	public static final Pattern SLOT = Pattern.compile("[A-Z0-9_]{1,40}|subsidy-receipt:[0-9]{1,20}");

	/** Known free of viruses: the only state in which anyone may open it. */
	public boolean clean() {
		return scanStatus == ScanStatus.CLEAN;
	}

	/** Still waiting for the virus scan (「確認中」). */
	public boolean scanPending() {
		return scanStatus == ScanStatus.PENDING;
	}

	public boolean infected() {
		return scanStatus == ScanStatus.INFECTED;
	}

	/**
	 * The name to download under: the original name with the extension of what is
	 * actually stored.
	 */
	public String downloadName() {
		String base = originalName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		int dot = base.lastIndexOf('.');
		if (dot > 0) {
			base = base.substring(0, dot);
		}
		if (base.isBlank() || base.startsWith(".")) {
			base = "document";
		}
		if (base.length() > 120) {
			base = base.substring(0, 120);
		}
		return base + "." + extension();
	}

	public String extension() {
		return switch (contentType) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "application/pdf" -> "pdf";
			default -> "heic";
		};
	}

	/** 850 KB, 2.4 MB. */
	public String displaySize() {
		return sizeBytes < 1024 * 1024 ? Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB"
				: String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
	}

	public boolean image() {
		return kind == DocumentKind.IMAGE;
	}

}
