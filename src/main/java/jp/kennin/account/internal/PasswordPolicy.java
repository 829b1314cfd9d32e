package jp.kennin.account.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.kennin.tenant.PasswordPolicyPreset;

/**
 * The tenant's password rules. Each broken rule yields its own message key (bundle
 * {@code account}), so the member sees every problem at once. Both presets reject common
 * passwords and context words.
 */
public final class PasswordPolicy {

	static final String SEED_SYMBOLS = "?!@#$%&()_+";

	private static final Pattern SEED_ALLOWED = Pattern.compile("[A-Za-z0-9?!@#$%&()_+]*");

	private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("MMdd");

	private PasswordPolicy() {
	}

	/** What the password must not contain. */
	public record Context(String userId, LocalDate birthDate, String tenantCode) {
	}

	public static int minLength(PasswordPolicyPreset preset) {
		return preset == PasswordPolicyPreset.NIST ? 12 : 8;
	}

	public static int maxLength(PasswordPolicyPreset preset) {
		return preset == PasswordPolicyPreset.NIST ? 128 : 20;
	}

	/** Message keys of the broken rules; empty if the password is acceptable. */
	public static List<String> check(String password, PasswordPolicyPreset preset, Context context) {
		List<String> errors = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			errors.add("account.password.required");
			return errors;
		}
		int length = password.codePointCount(0, password.length());
		if (length < minLength(preset)) {
			errors.add("account.password.tooShort");
		}
		if (length > maxLength(preset)) {
			errors.add("account.password.tooLong");
		}
		if (preset == PasswordPolicyPreset.SEED) {
			seedRules(password, errors);
		}
		if (CommonPasswords.isCommon(password)) {
			errors.add("account.password.common");
		}
		contextRules(password, context, errors);
		return errors;
	}

	private static void seedRules(String password, List<String> errors) {
		if (!SEED_ALLOWED.matcher(password).matches()) {
			errors.add("account.password.invalidChars");
		}
		if (password.chars().noneMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			errors.add("account.password.needsLetter");
		}
		if (password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
			errors.add("account.password.needsDigit");
		}
		if (password.chars().noneMatch(c -> SEED_SYMBOLS.indexOf(c) >= 0)) {
			errors.add("account.password.needsSymbol");
		}
	}

	private static void contextRules(String password, Context context, List<String> errors) {
		if (context == null) {
			return;
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String userId = context.userId() == null ? "" : context.userId().strip().toLowerCase(Locale.ROOT);
		if (!userId.isEmpty() && lower.contains(userId)) {
			errors.add("account.password.containsUserId");
		}
		if (context.birthDate() != null && (password.contains(YMD.format(context.birthDate()))
				|| password.contains(MD.format(context.birthDate())))) {
			errors.add("account.password.containsBirthDate");
		}
		String code = context.tenantCode() == null ? "" : context.tenantCode().toLowerCase(Locale.ROOT);
		if ((!code.isEmpty() && lower.contains(code)) || lower.contains("kenpo") || lower.contains("kennin")) {
			errors.add("account.password.containsInsurer");
		}
	}

}
