package jp.kennin.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.kennin.storage.FileStorage;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in an S3-compatible bucket, under an optional prefix. The bytes are already encrypted by
 * {@link EncryptingFileStorage}; bucket policies should still deny public access.
 */
class S3FileStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3FileStorage(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/";
	}

	@Override
	public String put(byte[] content) throws IOException {
		String key = UUID.randomUUID().toString().replace("-", "");
		try {
			s3.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType("application/octet-stream"),
					RequestBody.fromBytes(content));
		}
		catch (SdkException ex) {
			throw new IOException("S3 put failed", ex);
		}
		return key;
	}

	@Override
	public Optional<InputStream> get(String key) throws IOException {
		try {
			byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey(key))).asByteArray();
			return Optional.of(new ByteArrayInputStream(bytes));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (SdkException ex) {
			throw new IOException("S3 get failed", ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
		}
		catch (SdkException ex) {
			throw new IOException("S3 delete failed", ex);
		}
	}

	private String objectKey(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a storage key");
		}
		return prefix + key.substring(0, 2) + "/" + key;
	}

}
