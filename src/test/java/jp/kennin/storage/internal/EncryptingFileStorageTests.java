package jp.kennin.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both formats through the local directory: whole files (KNE1) and segmented streams
 * (KNE2).
 */
class EncryptingFileStorageTests {

	private static final int SEGMENT = StreamingEncryption.SEGMENT_BYTES;

	private static final int SEALED_SEGMENT = SEGMENT + 16;

	private static final int HEADER = 4 + 16;

	@TempDir
	Path root;

	private EncryptingFileStorage storage(String secret) {
		return new EncryptingFileStorage(new LocalFileStorage(root), EncryptingFileStorage.deriveKey(secret));
	}

	private EncryptingFileStorage storage() {
		return storage("test-secret-key-0123456789-abcdefghijklmnop");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 3 * 65_536 + 5 })
	void a_stream_of_any_length_comes_back_unchanged(int length) throws IOException {
		byte[] plain = random(length);

		String key = storage().put(new ByteArrayInputStream(plain));

		byte[] stored = Files.readAllBytes(stored(key));
		assertThat(new String(stored, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("KNE2");
		int segments = Math.max(1, (length + SEGMENT - 1) / SEGMENT); // the last one may
																		// be full or
																		// empty
		assertThat(stored).hasSize(HEADER + length + segments * 16);
		try (InputStream in = storage().get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		try (InputStream in = storage().get(key).orElseThrow()) {
			byte[] oneByOne = new byte[length];
			for (int i = 0; i < length; i++) {
				oneByOne[i] = (byte) in.read();
			}
			assertThat(in.read()).isEqualTo(-1);
			assertThat(oneByOne).isEqualTo(plain);
		}
	}

	@Test
	void bytes_are_still_sealed_whole_and_both_formats_are_read() throws IOException {
		byte[] plain = "源泉徴収票".getBytes(StandardCharsets.UTF_8);

		String whole = storage().put(plain);
		String streamed = storage().put(new ByteArrayInputStream(plain));

		assertThat(new String(Files.readAllBytes(stored(whole)), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("KNE1");
		try (InputStream in = storage().get(whole).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		try (InputStream in = storage().get(streamed).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
	}

	@Test
	void a_stream_is_sealed_as_it_is_read_not_held_whole() throws IOException {
		long[] consumed = { 0 };
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				consumed[0]++;
				return 'x';
			}
		};

		try (InputStream sealed = StreamingEncryption.encrypting(endless,
				EncryptingFileStorage.deriveKey("k".repeat(32)), new SecureRandom())) {
			assertThat(sealed.readNBytes(HEADER + 100)).hasSize(HEADER + 100);
		}

		assertThat(consumed[0]).isLessThanOrEqualTo(SEGMENT + 1);
	}

	@Test
	void a_changed_byte_in_any_segment_fails_the_read() throws IOException {
		String key = storage().put(new ByteArrayInputStream(random(3 * SEGMENT)));
		byte[] stored = Files.readAllBytes(stored(key));
		stored[HEADER + SEALED_SEGMENT + 10] ^= 1;
		Files.write(stored(key), stored);

		assertThatThrownBy(() -> readAll(key)).isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);
	}

	@Test
	void a_file_cut_at_a_segment_boundary_or_reordered_fails_the_read() throws IOException {
		String key = storage().put(new ByteArrayInputStream(random(3 * SEGMENT + 5)));
		byte[] stored = Files.readAllBytes(stored(key));

		Files.write(stored(key), Arrays.copyOf(stored, HEADER + 2 * SEALED_SEGMENT));
		assertThatThrownBy(() -> readAll(key)).isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);

		byte[] swapped = stored.clone();
		System.arraycopy(stored, HEADER, swapped, HEADER + SEALED_SEGMENT, SEALED_SEGMENT);
		System.arraycopy(stored, HEADER + SEALED_SEGMENT, swapped, HEADER, SEALED_SEGMENT);
		Files.write(stored(key), swapped);
		assertThatThrownBy(() -> readAll(key)).isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);

		Files.write(stored(key), Arrays.copyOf(stored, HEADER));
		assertThatThrownBy(() -> readAll(key)).isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);
	}

	@Test
	void another_secret_cannot_read_a_stream() throws IOException {
		String key = storage().put(new ByteArrayInputStream(random(100)));

		assertThatThrownBy(() -> {
			try (InputStream in = storage("another-secret-key-0123456789-abcdefghij").get(key).orElseThrow()) {
				in.readAllBytes();
			}
		}).isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);
	}

	private void readAll(String key) throws IOException {
		try (InputStream in = storage().get(key).orElseThrow()) {
			in.readAllBytes();
		}
	}

	private Path stored(String key) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.getFileName().toString().equals(key)).findFirst().orElseThrow();
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

}
