package jp.kennin.account.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import jp.kennin.account.internal.InputNormalizer;
import jp.kennin.account.internal.PasswordPolicy;
import jp.kennin.roster.KanaName;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.TenantCode;

import org.springframework.validation.Errors;

/**
 * Field checks shared by the account forms. Each problem is a message key in the account
 * bundle, shown next to its field and in the error summary.
 */
final class FormChecks {

	static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9@._+\\-]{6,50}");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private FormChecks() {
	}

	static void roster(Forms.SignupForm form, Errors errors) {
		if (TenantCode.parse(form.getTenantCode()).isEmpty()) {
			errors.rejectValue("tenantCode", form.getTenantCode().isBlank() ? "account.signup.tenantCode.required"
					: "account.signup.tenantCode.format");
		}
		if (InputNormalizer.halfWidth(form.getKigo()).isEmpty()) {
			errors.rejectValue("kigo", "account.signup.kigo.required");
		}
		if (InputNormalizer.halfWidth(form.getBango()).isEmpty()) {
			errors.rejectValue("bango", "account.signup.bango.required");
		}
		birthDate(form, errors);
	}

	static void kana(Forms.SignupForm form, Errors errors) {
		if (KanaName.key(form.getKanaName()).isEmpty()) {
			errors.rejectValue("kanaName", "account.signup.kanaName.required");
		}
		else if (!KanaName.isKatakana(form.getKanaName())) {
			errors.rejectValue("kanaName", "account.signup.kanaName.format");
		}
	}

	/** The birth date, or null (with an error) if the three fields do not make a date. */
	static LocalDate birthDate(Forms.SignupForm form, Errors errors) {
		String y = InputNormalizer.digits(form.getBirthYear());
		String m = InputNormalizer.digits(form.getBirthMonth());
		String d = InputNormalizer.digits(form.getBirthDay());
		if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
			errors.rejectValue("birthYear", "account.signup.birthDate.required");
			return null;
		}
		try {
			if (!y.matches("\\d{4}") || !m.matches("\\d{1,2}") || !d.matches("\\d{1,2}")) {
				throw new DateTimeException("not numeric");
			}
			return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
		}
		catch (DateTimeException ex) {
			errors.rejectValue("birthYear", "account.signup.birthDate.invalid");
			return null;
		}
	}

	static void userId(String userId, Errors errors) {
		String value = userId == null ? "" : userId.strip();
		if (value.isEmpty()) {
			errors.rejectValue("userId", "account.userId.required");
		}
		else if (!USER_ID.matcher(value).matches()) {
			errors.rejectValue("userId", "account.userId.format");
		}
	}

	static void email(String email, String confirm, Errors errors) {
		String value = InputNormalizer.email(email);
		if (value.isEmpty()) {
			errors.rejectValue("email", "account.email.required");
		}
		else if (!EMAIL.matcher(value).matches()) {
			errors.rejectValue("email", "account.email.format");
		}
		else if (!value.equalsIgnoreCase(InputNormalizer.email(confirm))) {
			errors.rejectValue("emailConfirm", "account.email.mismatch");
		}
	}

	static void password(String password, PasswordPolicyPreset preset, PasswordPolicy.Context context, Errors errors) {
		for (String key : PasswordPolicy.check(password, preset, context)) {
			errors.rejectValue("password", key,
					new Object[] { PasswordPolicy.minLength(preset), PasswordPolicy.maxLength(preset) }, null);
		}
	}

	/** The code as typed, reduced to digits; an error unless exactly six remain. */
	static String code(String typed, Errors errors) {
		String digits = InputNormalizer.digits(typed);
		if (digits.isEmpty()) {
			errors.rejectValue("code", "account.code.required");
		}
		else if (!digits.matches("\\d+")) {
			errors.rejectValue("code", "account.code.notDigits");
		}
		else if (digits.length() < 6) {
			errors.rejectValue("code", "account.code.tooShort");
		}
		else if (digits.length() > 6) {
			errors.rejectValue("code", "account.code.tooLong");
		}
		return digits;
	}

}
