package jp.kennin.document.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The file type as the bytes say (Tika's magic-byte detection, never the name or the
 * browser's claim).
 */
enum DetectedType {

	JPEG, PNG, HEIC, PDF, UNSUPPORTED;

	private static final Tika TIKA = new Tika();

	/** ISO-BMFF major brands of HEIC/HEIF still images (iPhone photos are "heic"). */
	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
			"hevs", "mif1", "msf1");

	static DetectedType of(byte[] content) {
		String type = TIKA.detect(content);
		return switch (type) {
			case "image/jpeg" -> JPEG;
			case "image/png" -> PNG;
			case "application/pdf" -> PDF;
			case "image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence" -> HEIC;
			default -> heifBrand(content) ? HEIC : UNSUPPORTED;
		};
	}

	/**
	 * Tika may call a HEIF file video/quicktime or octet-stream: check the {@code ftyp}
	 * box ourselves.
	 */
	static boolean heifBrand(byte[] b) {
		if (b.length < 12 || b[4] != 'f' || b[5] != 't' || b[6] != 'y' || b[7] != 'p') {
			return false;
		}
		return HEIF_BRANDS.contains(new String(b, 8, 4, StandardCharsets.US_ASCII));
	}

}
