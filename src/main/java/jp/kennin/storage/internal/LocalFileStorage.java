package jp.kennin.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.kennin.storage.FileStorage;

/**
 * Files in a local directory (outside the web root), two levels of sub-folders by key
 * prefix. Created by {@link StorageConfiguration}, which wraps it in encryption.
 */
class LocalFileStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final Path root;

	LocalFileStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public String put(byte[] content) throws IOException {
		String key = UUID.randomUUID().toString().replace("-", "");
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
		Files.write(tmp, content);
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		return key;
	}

	@Override
	public String put(InputStream content) throws IOException {
		String key = UUID.randomUUID().toString().replace("-", "");
		Path target = path(key);
		Files.createDirectories(target.getParent());
		Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
		Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		return key;
	}

	@Override
	public Optional<InputStream> get(String key) throws IOException {
		// Not Files.exists: it answers false for a file it may not read (permission
		// denied,
		// a folder that is not a folder), which turned a storage outage into "missing".
		try {
			return Optional.of(Files.newInputStream(path(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	private Path path(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("not a storage key");
		}
		return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
	}

}
