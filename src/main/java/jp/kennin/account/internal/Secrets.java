package jp.kennin.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kennin.platform.KenninProperties;

import org.springframework.stereotype.Component;

/**
 * Random secrets and their keyed hashes. Codes and throttling keys are stored only as
 * HMAC-SHA-256 under {@code kennin.secret-key}, so a database dump reveals neither.
 */
@Component
public class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	Secrets(KenninProperties properties) {
		this.key = new SecretKeySpec(properties.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** Six decimal digits, uniformly distributed (leading zeros kept). */
	public static String sixDigitCode() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}

	/** 256 random bits, URL-safe. */
	public static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public String hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Constant-time comparison of two hex strings. */
	public static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
