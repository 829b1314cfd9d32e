package jp.kennin.document.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured external converter (e.g. libheif's {@code heif-convert} or
 * ImageMagick) on a HEIC file in a private temporary directory. Java has no HEIC decoder;
 * without a converter, or when it fails, the caller keeps the original and flags it.
 */
class HeicConverter {

	private static final Logger log = LoggerFactory.getLogger(HeicConverter.class);

	private final List<String> command;

	private final Duration timeout;

	HeicConverter(String commandLine, Duration timeout) {
		this.command = commandLine == null || commandLine.isBlank() ? List.of()
				: List.of(commandLine.strip().split("\\s+"));
		this.timeout = timeout;
	}

	boolean configured() {
		return !command.isEmpty();
	}

	/**
	 * The JPEG bytes, or empty when no converter is set or it did not produce a file in
	 * time.
	 */
	Optional<byte[]> toJpeg(byte[] heic) {
		if (!configured()) {
			return Optional.empty();
		}
		Path dir = null;
		try {
			dir = Files.createTempDirectory("kennin-heic");
			Path input = Files.write(dir.resolve("in.heic"), heic);
			Path output = dir.resolve("out.jpg");
			List<String> args = new ArrayList<>();
			for (String part : command) {
				args.add(part.replace("{input}", input.toString()).replace("{output}", output.toString()));
			}
			Process process = new ProcessBuilder(args).redirectErrorStream(true)
				.redirectOutput(dir.resolve("log.txt").toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				log.warn("HEIC converter timed out after {}", timeout);
				return Optional.empty();
			}
			if (process.exitValue() != 0 || !Files.exists(output)) {
				log.warn("HEIC converter failed with exit code {}", process.exitValue());
				return Optional.empty();
			}
			return Optional.of(Files.readAllBytes(output));
		}
		catch (IOException ex) {
			log.warn("HEIC converter could not run: {}", ex.getMessage());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		finally {
			deleteQuietly(dir);
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// Best effort: the directory is private to this process (created with default
			// owner-only rights).
		}
	}

}
