package jp.kennin.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before anything touches the disk or the database: makes sure the data directory is usable and
 * that a secret key exists, so that a bad setup stops with one clear message.
 */
class StartupChecks implements EnvironmentPostProcessor {

	static final int SECRET_KEY_BYTES = 32;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		Path dataDir = Path.of(env.getProperty("kennin.data-dir", "./data")).toAbsolutePath().normalize();
		boolean embeddedDatabase = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
		boolean localFiles = "local".equals(env.getProperty("kennin.storage.type", "local"));
		if (embeddedDatabase || localFiles) {
			ensureWritable(dataDir);
		}
		String secret = env.getProperty("kennin.secret-key", "");
		if (secret.isBlank()) {
			if (!embeddedDatabase) {
				throw new StartupProblem("kennin.secret-key is not set.",
						"Set KENNIN_SECRET_KEY to a random value of at least 32 bytes, the same on every node "
								+ "(for example: openssl rand -base64 32).");
			}
			env.getPropertySources()
				.addFirst(new MapPropertySource("kenninGeneratedSecret",
						Map.of("kennin.secret-key", SecretKeyFile.loadOrCreate(dataDir.resolve("secret.key"), SECRET_KEY_BYTES))));
		}
		else if (secret.getBytes(StandardCharsets.UTF_8).length < SECRET_KEY_BYTES) {
			throw new StartupProblem("kennin.secret-key is shorter than 32 bytes.",
					"Set KENNIN_SECRET_KEY to a random value of at least 32 bytes (openssl rand -base64 32).");
		}
	}

	private static void ensureWritable(Path dir) {
		try {
			Files.createDirectories(dir);
			Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new StartupProblem("The data directory " + dir + " cannot be created or written to ("
					+ ex.getClass().getSimpleName() + ").",
					"Create the directory and give the Kennin process write access, or point KENNIN_DATA_DIR "
							+ "to a writable directory.");
		}
	}

}
