package jp.kennin.platform;

/**
 * Cleans the file name a browser sent with an upload before it is stored as metadata. The
 * name is not typed in a field, so it is mended rather than refused: a file name on a
 * phone or a Linux desktop may hold control characters (U+0000 would make PostgreSQL
 * refuse the whole insert and lose the upload) or a lone surrogate (from a broken
 * conversion), and old browsers send the full client path.
 */
public final class UploadedFileNames {

	private UploadedFileNames() {
	}

	/**
	 * The last path segment of {@code sent} without control characters and lone
	 * surrogates, stripped and cut to its last {@code max} characters (the extension is
	 * at the end), or {@code fallback} when nothing is left.
	 */
	public static String clean(String sent, String fallback, int max) {
		if (sent == null) {
			return fallback;
		}
		String path = sent.replace('\\', '/');
		String last = path.substring(path.lastIndexOf('/') + 1);
		StringBuilder kept = new StringBuilder(last.length());
		for (int i = 0; i < last.length(); i++) {
			char c = last.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < last.length() && Character.isLowSurrogate(last.charAt(i + 1))) {
				kept.append(c).append(last.charAt(++i));
			}
			else if (Character.getType(c) != Character.CONTROL && !Character.isSurrogate(c)) {
				kept.append(c);
			}
		}
		String name = kept.toString().strip();
		if (name.isEmpty()) {
			return fallback;
		}
		if (name.length() <= max) {
			return name;
		}
		int start = name.length() - max;
		if (Character.isLowSurrogate(name.charAt(start))) {
			start++; // never begin with half of a character
		}
		return name.substring(start);
	}

}
