package jp.kennin.document.internal;

/**
 * Reads the EXIF orientation tag (0x0112) from a JPEG's APP1 segment. ImageIO ignores it,
 * so phone photos would otherwise come out sideways. Anything malformed means "as stored"
 * (1).
 */
final class JpegOrientation {

	private static final int ORIENTATION_TAG = 0x0112;

	private JpegOrientation() {
	}

	static int of(byte[] jpeg) {
		try {
			int pos = 2; // after SOI
			while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
				int marker = jpeg[pos + 1] & 0xFF;
				if (marker == 0xDA || marker == 0xD9) {
					return 1; // start of scan or end of image: no more metadata
				}
				int length = u16(jpeg, pos + 2, false);
				if (length < 2) {
					return 1;
				}
				if (marker == 0xE1 && length >= 16 && startsWithExif(jpeg, pos + 4)) {
					return fromTiff(jpeg, pos + 10, pos + 2 + length);
				}
				pos += 2 + length;
			}
		}
		catch (IndexOutOfBoundsException ex) {
			// A truncated segment: treat as no orientation.
		}
		return 1;
	}

	private static boolean startsWithExif(byte[] b, int at) {
		return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
				&& b[at + 5] == 0;
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
		if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
			return 1;
		}
		int ifd = tiff + (int) u32(b, tiff + 4, little);
		if (ifd + 2 > end || ifd < tiff) {
			return 1;
		}
		int entries = u16(b, ifd, little);
		for (int i = 0; i < entries; i++) {
			int entry = ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == ORIENTATION_TAG) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	private static int u16(byte[] b, int at, boolean little) {
		return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
	}

	private static long u32(byte[] b, int at, boolean little) {
		return little ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
				: ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
	}

}
