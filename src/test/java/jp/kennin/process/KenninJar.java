package jp.kennin.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The packaged {@code target/kennin.jar}, started as users start it:
 * {@code java -jar kennin.jar …} as a separate process in a folder of its own, configured
 * only by environment variables and arguments. Its output (stdout and stderr together) is
 * collected for the test and copied to {@code target/process-it/NAME.log}.
 */
final class KenninJar {

	/**
	 * Generous for a 2-core machine shared with other builds; a healthy start takes 10–20
	 * s.
	 */
	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Path dir;

	private final String name;

	private final Map<String, String> env = new LinkedHashMap<>();

	private final List<String> args = new ArrayList<>();

	private KenninJar(Path dir, String name) {
		this.dir = dir;
		this.name = name;
	}

	/** A start in {@code dir}, logged as {@code name}. */
	static KenninJar in(Path dir, String name) {
		return new KenninJar(dir, name);
	}

	KenninJar env(String key, String value) {
		env.put(key, value);
		return this;
	}

	KenninJar args(String... more) {
		args.addAll(List.of(more));
		return this;
	}

	/** Starts the jar and returns at once. */
	Running start() {
		Path jar = jar();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		// The developer's or CI's own Kennin/Spring settings must not leak into a start
		// that tests the defaults.
		environment.keySet()
			.removeIf(k -> k.startsWith("KENNIN_") || k.startsWith("SPRING_") || k.startsWith("SERVER_")
					|| k.startsWith("MANAGEMENT_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
		// The CLI prints Japanese; a UTF-8 locale is what an operator's shell has.
		environment.put("LANG", "C.UTF-8");
		environment.putAll(env);
		try {
			return new Running(builder.start(), name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs the jar to its end (a command, or a start that must fail) and returns it
	 * stopped.
	 */
	Running run() {
		Running running = start();
		running.awaitExit(START_TIMEOUT);
		return running;
	}

	static Path jar() {
		Path jar = Path.of(System.getProperty("kennin.jar", "target/kennin.jar")).toAbsolutePath();
		assertThat(jar).as("the packaged jar (built by ./mvnw package before the process tests run)").isRegularFile();
		return jar;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A started jar. Closing it stops it the way a service manager does (SIGTERM, then
	 * kill).
	 */
	static final class Running implements AutoCloseable {

		private final Process process;

		private final StringBuffer output = new StringBuffer();

		private final Thread reader;

		private Running(Process process, String name) throws IOException {
			this.process = process;
			Path log = Path.of("target", "process-it", name + ".log");
			Files.createDirectories(log.getParent());
			Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
			this.reader = new Thread(() -> pump(process.getInputStream(), copy), "output of " + name);
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void pump(InputStream in, Writer copy) {
			// InputStreamReader keeps a multi-byte character split between two reads
			// whole.
			char[] buffer = new char[4096];
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); copy) {
				int n;
				while ((n = reader.read(buffer)) >= 0) {
					output.append(buffer, 0, n);
					copy.write(buffer, 0, n);
					copy.flush();
				}
			}
			catch (IOException ignored) {
				// The process ended.
			}
		}

		String output() {
			return output.toString();
		}

		/**
		 * Waits until the output contains {@code text}; fails at once if the process ends
		 * without it.
		 */
		Running awaitOutput(String text, Duration timeout) {
			try {
				await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
					if (!output().contains(text) && !process.isAlive()) {
						// Ended: what it printed is all there is (the reader may still be
						// copying the last lines).
						joinReader();
						return true;
					}
					return output().contains(text);
				});
			}
			catch (ConditionTimeoutException ex) {
				fail("Kennin did not print \"" + text + "\" within " + timeout + ":\n" + output());
			}
			if (!output().contains(text)) {
				fail("Kennin ended (exit " + process.exitValue() + ") without printing \"" + text + "\":\n" + output());
			}
			return this;
		}

		int awaitExit(Duration timeout) {
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					fail("Kennin did not end within " + timeout + ":\n" + output());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			joinReader();
			return process.exitValue();
		}

		int exitCode() {
			return awaitExit(START_TIMEOUT);
		}

		boolean alive() {
			return process.isAlive();
		}

		private void joinReader() {
			try {
				reader.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() {
			if (!process.isAlive()) {
				return;
			}
			process.destroy();
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			joinReader();
		}

	}

}
