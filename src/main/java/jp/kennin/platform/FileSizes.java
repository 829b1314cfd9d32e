package jp.kennin.platform;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * File sizes as people read them next to a download link ("350 KB", "1.2 MB"), with the
 * locale's decimal mark. Units are 1024-based, as operating systems show them, so the
 * size matches what the member's phone or computer reports once downloaded.
 */
public final class FileSizes {

	private static final long KB = 1024;

	private static final long MB = KB * 1024;

	private FileSizes() {
	}

	public static String format(long bytes, Locale locale) {
		NumberFormat number = NumberFormat.getNumberInstance(locale == null ? Locale.JAPAN : locale);
		number.setMaximumFractionDigits(1);
		if (bytes >= MB) {
			return number.format((double) bytes / MB) + " MB";
		}
		if (bytes >= KB) {
			number.setMaximumFractionDigits(0);
			return number.format(Math.ceil((double) bytes / KB)) + " KB";
		}
		return number.format(Math.max(0, bytes)) + " B";
	}

}
