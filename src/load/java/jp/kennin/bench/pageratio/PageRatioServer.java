package jp.kennin.bench.pageratio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import bench.baseline.BaselineApplication;
import bench.securedbaseline.SecuredBaselineApplication;
import jp.kennin.bench.journey.JourneyServer;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server side of the page ratios (issue 17, docs/benchmarks.md): Kennin as
 * {@link JourneyServer} starts it (schema {@code kennin_bench_journey}, seeded members)
 * and, in the same JVM on its own port ({@code pageratio.baselinePort}, 18081), the bare
 * {@link BaselineApplication} reading the same schema, and beside it the same page behind
 * Spring Security and Spring Session JDBC ({@link SecuredBaselineApplication},
 * {@code pageratio.securedPort}, 18082). Writes
 * {@code target/journey/baseline.url} (on {@code localhost}, so that Kennin's session
 * cookie for {@code 127.0.0.1} is not sent to it) and {@code target/journey/server.pid}
 * (for JFR), then serves until stopped.
 */
public final class PageRatioServer {

	private PageRatioServer() {
	}

	public static void main(String[] args) throws Exception {
		String kennin = JourneyServer.start();
		String url = JourneyServer.env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = JourneyServer.env("KENNIN_TEST_POSTGRES_USER", "postgres");
		String password = JourneyServer.env("KENNIN_TEST_POSTGRES_PASSWORD", "");
		ConfigurableApplicationContext baseline = BaselineApplication.start(
				Integer.getInteger("pageratio.baselinePort", 18081),
				url + (url.contains("?") ? "&" : "?") + "currentSchema=kennin_bench_journey", user, password);
		Runtime.getRuntime().addShutdownHook(new Thread(baseline::close));
		int port = ((WebServerApplicationContext) baseline).getWebServer().getPort();
		ConfigurableApplicationContext secured = SecuredBaselineApplication.start(
				Integer.getInteger("pageratio.securedPort", 18082),
				url + (url.contains("?") ? "&" : "?") + "currentSchema=kennin_bench_journey", user, password);
		Runtime.getRuntime().addShutdownHook(new Thread(secured::close));
		int securedPort = ((WebServerApplicationContext) secured).getWebServer().getPort();
		Path dir = Path.of("target", "journey");
		Files.writeString(dir.resolve("baseline.url"), "http://localhost:" + port, StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("secured.url"), "http://localhost:" + securedPort, StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("server.pid"), String.valueOf(ProcessHandle.current().pid()),
				StandardCharsets.UTF_8);
		System.err.printf(
				"Page-ratio servers ready: Kennin %s, baseline http://localhost:%d/baseline, secured baseline "
						+ "http://localhost:%d/baseline (pid %d)%n",
				kennin, port, securedPort, ProcessHandle.current().pid());
		new CountDownLatch(1).await();
	}

}
