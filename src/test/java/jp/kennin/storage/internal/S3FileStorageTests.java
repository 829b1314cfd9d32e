package jp.kennin.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import jp.kennin.platform.KenninProperties;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a real S3 API (S3Proxy, in memory, on loopback), with the client built as in
 * production.
 */
class S3FileStorageTests {

	@RegisterExtension
	static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("access", "secret").build();

	private S3Client client;

	@BeforeEach
	void createBucket() {
		client = StorageConfiguration.s3Client(new KenninProperties.S3(S3_PROXY.getUri().toString(), "ap-northeast-1",
				"kennin-test", "access", "secret", true, "tenant-files"));
		client.createBucket(b -> b.bucket("kennin-test"));
	}

	@AfterEach
	void close() {
		client.close();
	}

	@Test
	void round_trip_on_s3_compatible_storage() throws IOException {
		S3FileStorage storage = new S3FileStorage(client, "kennin-test", "tenant-files");
		byte[] content = "源泉徴収票".getBytes(StandardCharsets.UTF_8);

		String key = storage.put(content);

		try (InputStream in = storage.get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		List<S3Object> objects = client.listObjectsV2(b -> b.bucket("kennin-test")).contents();
		assertThat(objects).extracting(S3Object::key)
			.containsExactly("tenant-files/" + key.substring(0, 2) + "/" + key);
		storage.delete(key);
		assertThat(storage.get(key)).isEmpty();
	}

	@Test
	void encrypted_in_the_bucket() throws IOException {
		EncryptingFileStorage storage = new EncryptingFileStorage(new S3FileStorage(client, "kennin-test", ""),
				EncryptingFileStorage.deriveKey("test-secret-key-0123456789-abcdefghijklmnop"));
		byte[] plain = "plain text that must not be in the bucket".getBytes(StandardCharsets.UTF_8);

		String key = storage.put(plain);

		byte[] stored = client.getObjectAsBytes(b -> b.bucket("kennin-test").key(key.substring(0, 2) + "/" + key))
			.asByteArray();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("plain text");
		try (InputStream in = storage.get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
	}

	@Test
	void a_large_stream_is_stored_encrypted_and_read_back_as_a_stream() throws IOException {
		EncryptingFileStorage storage = new EncryptingFileStorage(new S3FileStorage(client, "kennin-test", ""),
				EncryptingFileStorage.deriveKey("test-secret-key-0123456789-abcdefghijklmnop"));
		byte[] plain = new byte[3 * StreamingEncryption.SEGMENT_BYTES + 17];
		new Random(7).nextBytes(plain);

		String key = storage.put(new ByteArrayInputStream(plain));

		try (InputStream in = storage.get(key).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
		storage.delete(key);
		assertThat(storage.get(key)).isEmpty();
	}

	@Test
	void missing_bucket_setting_is_a_clear_error() {
		assertThatThrownBy(() -> StorageConfiguration
			.s3Client(new KenninProperties.S3("http://127.0.0.1:1", "", "", "", "", true, "")))
			.hasMessageContaining("kennin.storage.s3.bucket");
	}

}
