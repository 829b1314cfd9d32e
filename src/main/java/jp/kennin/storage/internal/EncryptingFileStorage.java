package jp.kennin.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.kennin.storage.FileStorage;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Encrypts every blob before it reaches the underlying storage: AES-256-GCM, the key
 * derived from {@code kennin.secret-key} with HKDF-SHA-256. Bytes ({@link #put(byte[])},
 * documents) are sealed whole: the 4-byte header {@code KNE1} (also the authenticated
 * associated data), a random 96-bit IV, then ciphertext and the 128-bit tag. Streams
 * ({@link #put(InputStream)}, roster files of any size) are sealed in segments
 * ({@link StreamingEncryption}, header {@code KNE2}) so that they never sit in memory
 * whole. {@link #get} reads either. Any change to a stored file makes reading fail
 * instead of returning altered bytes.
 */
class EncryptingFileStorage implements FileStorage {

	static final byte[] HEADER = "KNE1".getBytes(StandardCharsets.US_ASCII);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] HKDF_INFO = "kennin/file-storage/aes-256-gcm/v1".getBytes(StandardCharsets.US_ASCII);

	private final FileStorage delegate;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	EncryptingFileStorage(FileStorage delegate, SecretKey key) {
		this.delegate = delegate;
		this.key = key;
	}

	/**
	 * A 256-bit AES key from the configured secret (HKDF: extract and expand, SHA-256).
	 */
	static SecretKey deriveKey(String secret) {
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalStateException("kennin.secret-key must be at least 32 bytes");
		}
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(secret.getBytes(StandardCharsets.UTF_8),
				"kennin".getBytes(StandardCharsets.US_ASCII), HKDF_INFO));
		byte[] bytes = new byte[32];
		hkdf.generateBytes(bytes, 0, bytes.length);
		return new SecretKeySpec(bytes, "AES");
	}

	@Override
	public String put(byte[] content) throws IOException {
		return delegate.put(encrypt(content));
	}

	@Override
	public String put(InputStream content) throws IOException {
		return delegate.put(StreamingEncryption.encrypting(content, key, random));
	}

	@Override
	public Optional<InputStream> get(String storageKey) throws IOException {
		Optional<InputStream> stored = delegate.get(storageKey);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		InputStream in = stored.get();
		try {
			byte[] header = in.readNBytes(HEADER.length);
			if (Arrays.equals(header, StreamingEncryption.HEADER)) {
				return Optional.of(StreamingEncryption.decrypting(in, key)); // the caller
																				// closes
																				// it
			}
			byte[] rest = in.readAllBytes();
			in.close();
			byte[] sealed = Arrays.copyOf(header, header.length + rest.length);
			System.arraycopy(rest, 0, sealed, header.length, rest.length);
			return Optional.of(new ByteArrayInputStream(decrypt(sealed)));
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	@Override
	public void delete(String storageKey) throws IOException {
		delegate.delete(storageKey);
	}

	byte[] encrypt(byte[] plain) throws IOException {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(HEADER);
			byte[] out = new byte[HEADER.length + IV_BYTES + cipher.getOutputSize(plain.length)];
			System.arraycopy(HEADER, 0, out, 0, HEADER.length);
			System.arraycopy(iv, 0, out, HEADER.length, IV_BYTES);
			cipher.doFinal(plain, 0, plain.length, out, HEADER.length + IV_BYTES);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("encryption failed", ex);
		}
	}

	byte[] decrypt(byte[] sealed) throws IOException {
		if (sealed.length < HEADER.length + IV_BYTES + TAG_BITS / 8
				|| !Arrays.equals(sealed, 0, HEADER.length, HEADER, 0, HEADER.length)) {
			throw new StoredFileTamperedException("not an encrypted Kennin file");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, HEADER.length, IV_BYTES));
			cipher.updateAAD(HEADER);
			int offset = HEADER.length + IV_BYTES;
			return cipher.doFinal(sealed, offset, sealed.length - offset);
		}
		catch (AEADBadTagException ex) {
			throw new StoredFileTamperedException("stored file failed authentication (altered, or another key)");
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("decryption failed", ex);
		}
	}

	/**
	 * The stored bytes are not what was written: altered, truncated, or encrypted with
	 * another key.
	 */
	static class StoredFileTamperedException extends IOException {

		StoredFileTamperedException(String message) {
			super(message);
		}

	}

}
