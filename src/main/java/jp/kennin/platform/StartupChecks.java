package jp.kennin.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before anything touches the disk or the database: makes sure the data directory is
 * usable, that a secret key exists and that mail can go somewhere safe, so that a bad
 * setup stops with one clear message.
 */
class StartupChecks implements EnvironmentPostProcessor {

	static final int SECRET_KEY_BYTES = 32;

	/**
	 * Decided here, read by the notification module: {@code true} when mail is written to
	 * disk and shown at {@code /dev/mail} instead of being sent.
	 */
	static final String MAIL_CAPTURING = "kennin.mail.capturing";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		Path dataDir = Path.of(env.getProperty("kennin.data-dir", "./data")).toAbsolutePath().normalize();
		boolean embeddedDatabase = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
		boolean localFiles = "local".equals(env.getProperty("kennin.storage.type", "local"));
		if (embeddedDatabase || localFiles) {
			ensureWritable(dataDir);
		}
		String secret = env.getProperty("kennin.secret-key", "");
		boolean explicitSecret = !secret.isBlank();
		if (secret.isBlank()) {
			if (!embeddedDatabase) {
				throw new StartupProblem("kennin.secret-key is not set.",
						"Set KENNIN_SECRET_KEY to a random value of at least 32 bytes, the same on every node "
								+ "(for example: openssl rand -base64 32).");
			}
			env.getPropertySources()
				.addFirst(new MapPropertySource("kenninGeneratedSecret", Map.of("kennin.secret-key",
						SecretKeyFile.loadOrCreate(dataDir.resolve("secret.key"), SECRET_KEY_BYTES))));
		}
		else if (secret.getBytes(StandardCharsets.UTF_8).length < SECRET_KEY_BYTES) {
			throw new StartupProblem("kennin.secret-key is shorter than 32 bytes.",
					"Set KENNIN_SECRET_KEY to a random value of at least 32 bytes (openssl rand -base64 32).");
		}
		boolean production = !embeddedDatabase || env.getProperty("kennin.base-url", "").startsWith("https://")
				|| explicitSecret;
		boolean capturing = decideMail(env, production, application.getWebApplicationType() != WebApplicationType.NONE);
		env.getPropertySources()
			.addFirst(new MapPropertySource("kenninMailMode", Map.of(MAIL_CAPTURING, Boolean.toString(capturing))));
	}

	/**
	 * Captured mail is readable by anyone at /dev/mail, reset links included, so it is
	 * only for the embedded demo setup (embedded database, no https:// base URL,
	 * generated secret key). A server with any production setting and no SMTP host
	 * refuses to start rather than capture or silently drop mail; a command (no web
	 * server) sends no mail and may run anyway.
	 */
	private static boolean decideMail(ConfigurableEnvironment env, boolean production, boolean server) {
		boolean smtp = !env.getProperty("spring.mail.host", "").isBlank();
		String capture = env.getProperty("kennin.mail.capture", "auto").trim().toLowerCase(Locale.ROOT);
		switch (capture) {
			case "on":
				return !smtp;
			case "off":
				return false;
			case "auto":
				if (!smtp && production && server) {
					throw new StartupProblem(
							"No SMTP host is set (spring.mail.host): members would get no mail, and "
									+ "captured mail with its reset links is shown only in the embedded demo setup.",
							"Set SPRING_MAIL_HOST (with SPRING_MAIL_PORT, SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD), "
									+ "or KENNIN_MAIL_CAPTURE=off to run without sending mail (it waits in the outbox).");
				}
				return !smtp && !production;
			default:
				throw new StartupProblem("kennin.mail.capture is \"" + capture + "\".",
						"Set KENNIN_MAIL_CAPTURE to auto (the default), off, or, for automated tests only, on.");
		}
	}

	private static void ensureWritable(Path dir) {
		try {
			Files.createDirectories(dir);
			Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | SecurityException ex) {
			throw new StartupProblem(
					"The data directory " + dir + " cannot be created or written to (" + ex.getClass().getSimpleName()
							+ ").",
					"Create the directory and give the Kennin process write access, or point KENNIN_DATA_DIR "
							+ "to a writable directory.");
		}
	}

}
