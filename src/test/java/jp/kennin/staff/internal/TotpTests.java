package jp.kennin.staff.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/**
	 * RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
	 */
	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
			"20000000000, 353130" })
	void matches_the_rfc_6238_test_vectors(long seconds, String expected) {
		String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(expected);
		assertThat(Totp.verify(secret, expected, Instant.ofEpochSecond(seconds), null)).isPresent();
	}

	@Test
	void accepts_one_step_of_drift_and_never_a_used_step() {
		String secret = Totp.newSecret();
		Instant now = Instant.parse("2026-04-01T00:00:15Z");
		long step = Totp.step(now);
		assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
		assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
		assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
		assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEmpty();
		assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
	}

	@Test
	void base32_round_trips() {
		byte[] bytes = { 1, 2, 3, (byte) 0xFF, 0, 42, 7, 9, 10, 11 };
		assertThat(Totp.fromBase32(Totp.base32(bytes))).isEqualTo(bytes);
	}

}
