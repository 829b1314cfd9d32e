package jp.kennin.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.kennin.storage.FileStorage;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Objects in an S3-compatible bucket, under an optional prefix. The bytes are already
 * encrypted by {@link EncryptingFileStorage}; bucket policies should still deny public
 * access.
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
		return put(RequestBody.fromBytes(content));
	}

	/**
	 * A PUT needs the length up front, which a stream does not tell: it is spooled to a
	 * temporary file first (large roster files must not be held in memory).
	 */
	@Override
	public String put(InputStream content) throws IOException {
		Path spool = Files.createTempFile("kennin-s3-", ".tmp");
		try {
			Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
			return put(RequestBody.fromFile(spool));
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	private String put(RequestBody body) throws IOException {
		String key = UUID.randomUUID().toString().replace("-", "");
		try {
			s3.putObject(b -> b.bucket(bucket).key(objectKey(key)).contentType("application/octet-stream"), body);
		}
		catch (SdkException ex) {
			throw new IOException("S3 put failed", ex);
		}
		return key;
	}

	/**
	 * Streams the object; the caller closes the stream (which releases the connection).
	 */
	@Override
	public Optional<InputStream> get(String key) throws IOException {
		try {
			return Optional.of(s3.getObject(b -> b.bucket(bucket).key(objectKey(key))));
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
