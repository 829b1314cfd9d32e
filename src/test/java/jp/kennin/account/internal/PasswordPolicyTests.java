package jp.kennin.account.internal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kennin.tenant.PasswordPolicyPreset;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	static final PasswordPolicy.Context CONTEXT = new PasswordPolicy.Context("omuro.taro", LocalDate.of(1980, 4, 1),
			"demo");

	static List<String> seed(String password) {
		return PasswordPolicy.check(password, PasswordPolicyPreset.SEED, CONTEXT);
	}

	static List<String> nist(String password) {
		return PasswordPolicy.check(password, PasswordPolicyPreset.NIST, CONTEXT);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			value = { "Tsubame#26x|", "Ab1!|account.password.tooShort",
					"Abcdefgh1!abcdefghi12|account.password.tooLong", "sakurayama#|account.password.needsDigit",
					"12345678#9|account.password.needsLetter", "Sakurayama9|account.password.needsSymbol",
					"Sakura-2026|account.password.invalidChars", "Sakura 2026!|account.password.invalidChars",
					"Password1!|account.password.common", "xomuro.taro1!|account.password.containsUserId",
					"Ab#19800401|account.password.containsBirthDate", "Yama#0401zz|account.password.containsBirthDate",
					"Demo#2026zz|account.password.containsInsurer", "Kenpo#2026zz|account.password.containsInsurer" })
	void each_seed_rule_has_its_own_message(String password, String expected) {
		if (expected == null) {
			assertThat(seed(password)).isEmpty();
		}
		else {
			assertThat(seed(password)).contains(expected);
		}
	}

	@Test
	void several_broken_rules_are_reported_together() {
		assertThat(seed("abc")).containsExactlyInAnyOrder("account.password.tooShort", "account.password.needsDigit",
				"account.password.needsSymbol");
	}

	@Test
	void nist_needs_12_characters_and_no_composition() {
		assertThat(nist("correcthors")).containsExactly("account.password.tooShort");
		assertThat(nist("correcthorse")).isEmpty();
		assertThat(nist("すもももももももものうち")).isEmpty();
		assertThat(nist("a".repeat(100) + "zq")).isEmpty();
		assertThat(nist("a".repeat(129))).contains("account.password.tooLong");
	}

	@Test
	void common_passwords_are_refused_also_when_padded_with_digits_and_symbols() {
		assertThat(CommonPasswords.size()).isGreaterThan(250);
		assertThat(nist("password1234")).contains("account.password.common");
		assertThat(CommonPasswords.isCommon("!!Qwerty2024")).isTrue();
		assertThat(CommonPasswords.isCommon("12345678")).isTrue();
		assertThat(CommonPasswords.isCommon("Sakura#2026kp")).isFalse();
	}

	@Test
	void an_empty_password_is_one_message() {
		assertThat(seed("")).containsExactly("account.password.required");
	}

}
