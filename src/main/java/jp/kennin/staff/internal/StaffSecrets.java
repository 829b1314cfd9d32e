package jp.kennin.staff.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.kennin.platform.KenninProperties;

import org.springframework.stereotype.Component;

/**
 * Protects staff second-factor secrets with keys derived from {@code kennin.secret-key}:
 * TOTP secrets are encrypted with AES-256-GCM (a database dump alone does not yield
 * them), recovery codes are stored as an HMAC-SHA-256 (they have 50 random bits, so a
 * keyed hash suffices).
 */
@Component
class StaffSecrets {

	private static final String VERSION = "v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec hmacKey;

	StaffSecrets(KenninProperties properties) {
		byte[] master = properties.secretKey().getBytes(StandardCharsets.UTF_8);
		this.encryptionKey = new SecretKeySpec(derive(master, "kennin/staff-totp-encryption"), "AES");
		this.hmacKey = new SecretKeySpec(derive(master, "kennin/staff-recovery-code"), "HmacSHA256");
	}

	String encrypt(String plain) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String decrypt(String stored) {
		if (stored == null || !stored.startsWith(VERSION)) {
			throw new IllegalStateException("unknown secret format");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("TOTP secret cannot be decrypted (was kennin.secret-key changed?)", ex);
		}
	}

	String hash(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hmacKey);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
