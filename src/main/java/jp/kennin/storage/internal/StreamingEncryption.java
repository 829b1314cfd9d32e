package jp.kennin.storage.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.kennin.storage.internal.EncryptingFileStorage.StoredFileTamperedException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The {@code KNE2} format for streams of any size (large roster files), so that neither
 * writing nor reading holds a whole file in memory: one AES-256-GCM seal per 64 KiB
 * segment, each authenticated before any of its bytes are handed out. A single GCM seal
 * over the whole file ({@code KNE1}) cannot do that, as Java's GCM releases nothing
 * before the tag at the very end is checked.
 * <p>
 * Layout: {@code KNE2}, a random 16-byte salt, then the segments, each the ciphertext of
 * exactly 64 KiB (the last one 0–64 KiB) followed by its 128-bit tag. The file key is
 * derived from the storage key and the salt with HKDF-SHA-256, so every file has a key of
 * its own and the segment nonce can be a counter: the segment number, plus a last-segment
 * flag so a file cut at a segment boundary fails instead of reading as shorter. The
 * header is the associated data of every segment.
 */
final class StreamingEncryption {

	static final byte[] HEADER = "KNE2".getBytes(StandardCharsets.US_ASCII);

	static final int SEGMENT_BYTES = 64 * 1024;

	private static final int SALT_BYTES = 16;

	private static final int TAG_BYTES = 16;

	private static final byte[] HKDF_INFO = "kennin/file-storage/aes-256-gcm-segments/v2"
		.getBytes(StandardCharsets.US_ASCII);

	private StreamingEncryption() {
	}

	/** The sealed form of {@code plain}, produced as it is read. */
	static InputStream encrypting(InputStream plain, SecretKey key, SecureRandom random) throws IOException {
		byte[] salt = new byte[SALT_BYTES];
		random.nextBytes(salt);
		return new Encrypting(plain, key, salt);
	}

	/**
	 * The plain content of a sealed stream whose {@link #HEADER} has already been read.
	 * Throws {@link StoredFileTamperedException} from {@code read} at the first segment
	 * that fails authentication.
	 */
	static InputStream decrypting(InputStream sealed, SecretKey key) throws IOException {
		byte[] salt = sealed.readNBytes(SALT_BYTES);
		if (salt.length < SALT_BYTES) {
			throw new StoredFileTamperedException("truncated KNE2 header");
		}
		return new Decrypting(sealed, key, salt);
	}

	private static SecretKey fileKey(SecretKey key, byte[] salt) {
		HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
		hkdf.init(new HKDFParameters(key.getEncoded(), salt, HKDF_INFO));
		byte[] bytes = new byte[32];
		hkdf.generateBytes(bytes, 0, bytes.length);
		return new SecretKeySpec(bytes, "AES");
	}

	private static Cipher cipher() throws IOException {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("AES-GCM unavailable", ex);
		}
	}

	private static byte[] aad(byte[] salt) {
		byte[] aad = Arrays.copyOf(HEADER, HEADER.length + SALT_BYTES);
		System.arraycopy(salt, 0, aad, HEADER.length, SALT_BYTES);
		return aad;
	}

	private static GCMParameterSpec nonce(long segment, boolean last) {
		byte[] iv = ByteBuffer.allocate(12).putLong(3, segment).put(11, (byte) (last ? 1 : 0)).array();
		return new GCMParameterSpec(TAG_BYTES * 8, iv);
	}

	/**
	 * Reads segments ahead: a segment is only sealed once the next byte (or the end) is
	 * known, as the last one is sealed differently.
	 */
	private static final class Encrypting extends SegmentStream {

		private final SecretKey fileKey;

		private final byte[] aad;

		private final Cipher cipher = cipher();

		private final byte[] plain = new byte[SEGMENT_BYTES];

		private int lookahead = -1;

		Encrypting(InputStream in, SecretKey key, byte[] salt) throws IOException {
			super(in);
			this.fileKey = fileKey(key, salt);
			this.aad = aad(salt);
			this.out = aad.clone();
			this.outLength = aad.length;
		}

		@Override
		protected void nextSegment() throws IOException {
			int n = 0;
			if (lookahead >= 0) {
				plain[n++] = (byte) lookahead;
				lookahead = -1;
			}
			n += in.readNBytes(plain, n, SEGMENT_BYTES - n);
			boolean last = n < SEGMENT_BYTES || (lookahead = in.read()) < 0;
			try {
				cipher.init(Cipher.ENCRYPT_MODE, fileKey, nonce(segment++, last));
				cipher.updateAAD(aad);
				out = cipher.doFinal(plain, 0, n);
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("encryption failed", ex);
			}
			outLength = out.length;
			finished = last;
		}

	}

	private static final class Decrypting extends SegmentStream {

		private final SecretKey fileKey;

		private final byte[] aad;

		private final Cipher cipher = cipher();

		private final byte[] sealed = new byte[SEGMENT_BYTES + TAG_BYTES];

		private int lookahead = -1;

		Decrypting(InputStream in, SecretKey key, byte[] salt) throws IOException {
			super(in);
			this.fileKey = fileKey(key, salt);
			this.aad = aad(salt);
		}

		@Override
		protected void nextSegment() throws IOException {
			int n = 0;
			if (lookahead >= 0) {
				sealed[n++] = (byte) lookahead;
				lookahead = -1;
			}
			n += in.readNBytes(sealed, n, sealed.length - n);
			boolean last = n < sealed.length || (lookahead = in.read()) < 0;
			if (n < TAG_BYTES) {
				throw new StoredFileTamperedException("truncated KNE2 file");
			}
			try {
				cipher.init(Cipher.DECRYPT_MODE, fileKey, nonce(segment++, last));
				cipher.updateAAD(aad);
				out = cipher.doFinal(sealed, 0, n);
			}
			catch (AEADBadTagException ex) {
				throw new StoredFileTamperedException(
						"stored file failed authentication (altered, cut, or another key)");
			}
			catch (GeneralSecurityException ex) {
				throw new IOException("decryption failed", ex);
			}
			outLength = out.length;
			finished = last;
		}

	}

	/**
	 * Hands out one processed segment at a time; {@link #nextSegment} fills {@code out}
	 * and sets {@code finished}.
	 */
	private abstract static class SegmentStream extends FilterInputStream {

		protected byte[] out = new byte[0];

		protected int outLength;

		protected long segment;

		protected boolean finished;

		private int position;

		SegmentStream(InputStream in) {
			super(in);
		}

		protected abstract void nextSegment() throws IOException;

		private boolean ready() throws IOException {
			while (position == outLength) {
				if (finished) {
					return false;
				}
				position = 0;
				nextSegment();
			}
			return true;
		}

		@Override
		public int read() throws IOException {
			return ready() ? out[position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (!ready()) {
				return -1;
			}
			int n = Math.min(len, outLength - position);
			System.arraycopy(out, position, b, off, n);
			position += n;
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = 0;
			while (skipped < n && ready()) {
				int step = (int) Math.min(n - skipped, outLength - position);
				position += step;
				skipped += step;
			}
			return skipped;
		}

		@Override
		public int available() {
			return outLength - position;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		@Override
		public synchronized void mark(int readlimit) {
		}

		@Override
		public synchronized void reset() throws IOException {
			throw new IOException("mark/reset not supported");
		}

	}

}
