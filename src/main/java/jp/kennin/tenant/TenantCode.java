package jp.kennin.tenant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 保険者指定コード as typed by a member: full-width letters and digits are accepted, case
 * does not matter, surrounding spaces are ignored.
 */
public final class TenantCode {

	private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9_-]{1,31}");

	private TenantCode() {
	}

	public static String normalize(String typed) {
		if (typed == null) {
			return "";
		}
		return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	/** A normalised code if the input can be one, otherwise empty. */
	public static Optional<String> parse(String typed) {
		String code = normalize(typed);
		return FORMAT.matcher(code).matches() ? Optional.of(code) : Optional.empty();
	}

	public static boolean isValid(String code) {
		return code != null && FORMAT.matcher(code).matches();
	}

}
