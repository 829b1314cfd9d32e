package jp.kennin.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real ClamAV daemon for the virus scan tests: Debian's {@code clamd}
 * ({@code apt-get install -y clamav-daemon}), started once per test JVM in a temporary
 * folder with a one-line signature database that knows only the EICAR test string (no
 * signature download), on a free TCP port and a Unix socket. Without clamd the tests are
 * skipped, unless {@code KENNIN_TEST_CLAMAV=required} (CI): then they fail.
 */
public final class TestClamd {

	/** The EICAR anti-virus test string: harmless, and every scanner reports it. */
	public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	private static final String SIGNATURE = "Eicar-Test-Signature:0:*:"
			+ "58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a";

	private static final List<String> BINARIES = List.of("/usr/sbin/clamd", "/usr/bin/clamd");

	private static Instance instance;

	private static String problem;

	private TestClamd() {
	}

	/** A running clamd. */
	public record Instance(int port, Path socket) {
	}

	public static boolean required() {
		return "required".equalsIgnoreCase(System.getenv("KENNIN_TEST_CLAMAV"));
	}

	/** Skips (or, when required, fails) the calling test class if clamd cannot run. */
	public static void assumeAvailable() {
		Instance running = start();
		if (running == null) {
			if (required()) {
				throw new IllegalStateException("KENNIN_TEST_CLAMAV=required but clamd cannot run: " + problem
						+ " (apt-get install -y clamav-daemon)");
			}
			Assumptions.abort("clamd is not available (" + problem + "); set KENNIN_TEST_CLAMAV=required to fail");
		}
	}

	/** The running clamd, started at the first call; null if it cannot run. */
	public static synchronized Instance start() {
		if (instance != null || problem != null) {
			return instance;
		}
		String binary = BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
		if (binary == null) {
			problem = "no clamd binary at " + BINARIES;
			return null;
		}
		try {
			Path dir = Files.createTempDirectory("kennin-clamd");
			Path db = Files.createDirectories(dir.resolve("db"));
			Files.writeString(db.resolve("eicar.ndb"), SIGNATURE + "\n", StandardCharsets.US_ASCII);
			int port = freePort();
			Path socket = dir.resolve("clamd.sock");
			Path pid = dir.resolve("clamd.pid");
			Path config = dir.resolve("clamd.conf");
			Files.writeString(config,
					String.join("\n", "DatabaseDirectory " + db, "LocalSocket " + socket, "LocalSocketMode 666",
							"FixStaleSocket yes", "TCPSocket " + port, "TCPAddr 127.0.0.1", "PidFile " + pid,
							"LogFile " + dir.resolve("clamd.log"), "Foreground yes", "StreamMaxLength 25M", ""));
			Process process = new ProcessBuilder(binary, "-c", config.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("clamd.out").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (Instant.now().isBefore(deadline)) {
				if (!process.isAlive()) {
					problem = "clamd exited: " + Files.readString(dir.resolve("clamd.out"));
					return null;
				}
				if (pong(port)) {
					instance = new Instance(port, socket);
					return instance;
				}
				process.waitFor(100, TimeUnit.MILLISECONDS);
			}
			process.destroy();
			problem = "clamd did not answer PING within 60 s";
			return null;
		}
		catch (IOException ex) {
			problem = ex.toString();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			problem = "interrupted";
			return null;
		}
	}

	/** A port nothing listens on: clamd "down". */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean pong(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			byte[] reply = socket.getInputStream().readNBytes(4);
			return "PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
