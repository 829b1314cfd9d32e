package jp.kennin.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The key generated for the embedded setup ({@code data/secret.key}). Whoever reads it
 * can forge codes and tokens and decrypt every stored file, so it is created readable by
 * its owner only: the permissions are given when the file is created (no moment in which
 * it is readable by others), it is written under a temporary name and moved into place,
 * so a crash never leaves a half-written key behind.
 */
final class SecretKeyFile {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private SecretKeyFile() {
	}

	static String loadOrCreate(Path file, int bytes) {
		try {
			if (Files.exists(file)) {
				return load(file);
			}
			return create(file, bytes);
		}
		catch (IOException ex) {
			throw new StartupProblem("The secret key file " + file + " cannot be read or written.",
					"Give the Kennin process access to the data directory, or set KENNIN_SECRET_KEY.");
		}
	}

	private static String load(Path file) throws IOException {
		if (posix(file)) {
			// Files of earlier versions were created with the default umask (often
			// world-readable).
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY.containsAll(permissions)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
		}
		String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
		if (key.isEmpty()) {
			// Never make up a new key here: files encrypted with the old one would become
			// unreadable.
			throw new StartupProblem("The secret key file " + file + " is empty.",
					"Restore secret.key from the backup, or set KENNIN_SECRET_KEY to the key in use.");
		}
		return key;
	}

	private static String create(Path file, int bytes) throws IOException {
		byte[] key = new byte[bytes];
		new SecureRandom().nextBytes(key);
		String encoded = Base64.getEncoder().encodeToString(key);
		Path dir = file.toAbsolutePath().getParent();
		FileAttribute<?>[] attributes = posix(dir)
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) } : new FileAttribute<?>[0];
		Path temp = Files.createTempFile(dir, ".secret", ".tmp", attributes);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(encoded.getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			try {
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
		return encoded;
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
