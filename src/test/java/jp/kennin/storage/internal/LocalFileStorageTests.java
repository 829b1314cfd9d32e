package jp.kennin.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStorageTests {

	@TempDir
	Path root;

	@Test
	void round_trip_on_local_disk_with_server_generated_keys() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(root);
		byte[] content = "領収書".getBytes(StandardCharsets.UTF_8);

		String key = storage.put(content);

		assertThat(key).matches("[0-9a-f]{32}");
		try (InputStream in = storage.get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		storage.delete(key);
		assertThat(storage.get(key)).isEmpty();
	}

	@Test
	void a_key_that_is_not_ours_never_becomes_a_path() {
		LocalFileStorage storage = new LocalFileStorage(root);

		assertThatThrownBy(() -> storage.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.delete("ab/../../x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void encrypted_on_disk_and_tampering_is_detected() throws IOException {
		EncryptingFileStorage storage = new EncryptingFileStorage(new LocalFileStorage(root),
				EncryptingFileStorage.deriveKey("test-secret-key-0123456789-abcdefghijklmnop"));
		byte[] plain = "扶養者の在学証明書 %PDF-1.7 plain text that must not be on disk".getBytes(StandardCharsets.UTF_8);

		String key = storage.put(plain);
		Path file;
		try (Stream<Path> files = Files.walk(root)) {
			file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
		}
		byte[] onDisk = Files.readAllBytes(file);

		assertThat(onDisk).isNotEqualTo(plain);
		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("plain text");
		assertThat(onDisk).hasSize(4 + 12 + plain.length + 16);
		try (InputStream in = storage.get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}

		onDisk[onDisk.length - 20] ^= 0x01;
		Files.write(file, onDisk);
		assertThatThrownBy(() -> storage.get(key))
			.isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);
	}

	@Test
	void the_same_file_twice_gives_different_ciphertext_and_another_key_cannot_read_it() throws IOException {
		EncryptingFileStorage storage = new EncryptingFileStorage(new LocalFileStorage(root),
				EncryptingFileStorage.deriveKey("test-secret-key-0123456789-abcdefghijklmnop"));
		EncryptingFileStorage otherKey = new EncryptingFileStorage(new LocalFileStorage(root),
				EncryptingFileStorage.deriveKey("another-secret-key-0123456789-abcdefghijkl"));
		byte[] plain = new byte[1000];

		assertThat(storage.encrypt(plain)).isNotEqualTo(storage.encrypt(plain));
		String key = storage.put(plain);
		assertThatThrownBy(() -> otherKey.get(key))
			.isInstanceOf(EncryptingFileStorage.StoredFileTamperedException.class);
	}

	@Test
	void a_short_secret_is_refused() {
		assertThatThrownBy(() -> EncryptingFileStorage.deriveKey("too-short"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void a_file_that_cannot_be_reached_is_an_error_not_missing() throws IOException {
		LocalFileStorage storage = new LocalFileStorage(root);
		String key = storage.put(new byte[] { 1 });
		// The key's folder replaced by a plain file: the read fails with an I/O error of
		// its own, which Files.exists used to answer as "no such file". (Permission
		// denied
		// is the same path; root, which runs CI, may read anything.)
		Path folder = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(folder);
		Files.write(folder, new byte[] { 0 });

		assertThatThrownBy(() -> storage.get(key)).isInstanceOf(IOException.class)
			.isNotInstanceOf(NoSuchFileException.class);
		assertThat(storage.get(key.substring(0, 2) + "ff" + key.substring(4))).isEmpty();
	}

}
