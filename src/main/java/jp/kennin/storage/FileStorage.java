package jp.kennin.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Stores opaque blobs under server-generated keys.
 */
public interface FileStorage {

	/** Stores the bytes and returns a new key (never derived from user input). */
	String put(byte[] content) throws IOException;

	/**
	 * Stores a stream without holding it in memory where the backend allows (large roster
	 * files). The default reads it whole; the local directory streams it to disk.
	 */
	default String put(InputStream content) throws IOException {
		return put(content.readAllBytes());
	}

	/**
	 * The content stored under the key; empty only if nothing is stored under it. A store
	 * that cannot be read right now (permission denied, bucket unreachable) throws.
	 */
	Optional<InputStream> get(String key) throws IOException;

	void delete(String key) throws IOException;

}
