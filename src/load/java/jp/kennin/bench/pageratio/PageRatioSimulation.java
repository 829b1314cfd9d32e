package jp.kennin.bench.pageratio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import bench.securedbaseline.SecuredBaselineApplication;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The page ratios (issue 17, docs/benchmarks.md): in one run, the same closed load (a
 * fixed number of virtual users, {@code pageratio.users}, 32, each sending its next
 * request as soon as the last one answered) for the same time ({@code pageratio.duration}
 * seconds, 30) against the bare baseline page and, in turn, Kennin's logged-in home page,
 * the survey's question page and its save, with a baseline phase before and after each
 * Kennin phase. Each ratio is the Kennin phase's rate over the mean rate of the two
 * baseline phases around it, so that other work on the machine drifting during the run is
 * seen (the baselines then differ) and shared between both sides.
 * <p>
 * Each virtual user logs in once as its own member (the members of
 * {@code target/journey/members.csv}), finds its form and first dependent, and then takes
 * part in every phase; all users start each phase together. Before the measured phases
 * each page is loaded twice in turn for {@code pageratio.warmup} seconds (15) unmeasured,
 * so that the JIT has compiled both applications. A save posts the first question's
 * answer on the version the last save produced (each save adds one), so that none is
 * refused as stale.
 * <p>
 * Run against {@link PageRatioServer}. With {@code -Dpageratio.jfr=true} a JFR recording
 * ({@code settings=profile}) of the server JVM is taken during each measured Kennin phase
 * into {@code target/pageratio/<phase>.jfr} (through {@code jcmd}; its cost is in those
 * runs' figures). The result is printed and written to
 * {@code target/pageratio/result.txt}.
 */
public class PageRatioSimulation extends Simulation {

	static final Path DIR = Path.of(System.getProperty("journey.dir", "target/journey")).toAbsolutePath();

	static final Path OUT = DIR.resolveSibling("pageratio");

	static final int USERS = Integer.getInteger("pageratio.users", 32);

	static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("pageratio.warmup", 15));

	static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("pageratio.duration", 30));

	static final boolean JFR = Boolean.getBoolean("pageratio.jfr");

	static final String KENNIN = read("server.url");

	static final String BASELINE = read("baseline.url");

	static final String SERVER_PID = read("server.pid");

	static final String SECURED = read("secured.url");

	static final String STEP = "/survey/#{formId}/d/#{dependentId}/continuation";

	/** One stretch of load against one page. */
	static final class Phase {

		final String name;

		final Duration duration;

		final String jfr;

		final LongAdder ok = new LongAdder();

		final LongAdder ko = new LongAdder();

		final AtomicLong first = new AtomicLong(Long.MAX_VALUE);

		final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

		final AtomicBoolean started = new AtomicBoolean();

		final AtomicLong cpuFirst = new AtomicLong(Long.MAX_VALUE);

		final AtomicLong cpuLast = new AtomicLong(Long.MIN_VALUE);

		Phase(String name, Duration duration, String jfr) {
			this.name = name;
			this.duration = duration;
			this.jfr = jfr;
		}

		Session enter(Session session) {
			this.first.accumulateAndGet(System.nanoTime(), Math::min);
			this.cpuFirst.accumulateAndGet(serverCpuTicks(), Math::min);
			if (this.jfr != null && JFR && this.started.compareAndSet(false, true)) {
				startRecording(this.jfr, this.duration);
			}
			return session;
		}

		Session done(Session session) {
			if (session.isFailed()) {
				this.ko.increment();
				return session.markAsSucceeded();
			}
			this.ok.increment();
			return session;
		}

		Session leave(Session session) {
			this.last.accumulateAndGet(System.nanoTime(), Math::max);
			this.cpuLast.accumulateAndGet(serverCpuTicks(), Math::max);
			return session;
		}

		/** The server JVM's CPU time per answered request, all its threads. */
		double cpuMillisPerRequest() {
			return (this.cpuLast.get() - this.cpuFirst.get()) * 1000.0 / CLOCK_TICKS / this.ok.sum();
		}

		double seconds() {
			return (this.last.get() - this.first.get()) / 1e9;
		}

		double rate() {
			return this.ok.sum() / seconds();
		}

	}

	final List<Phase> measured = new ArrayList<>();

	HttpProtocolBuilder protocol = http.baseUrl(KENNIN)
		.disableFollowRedirect()
		.disableUrlEncoding()
		.acceptHeader("text/html,application/xhtml+xml")
		.acceptLanguageHeader("ja")
		.userAgentHeader("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Gatling");

	static HttpRequestActionBuilder baseline(String name) {
		return http(name).get(BASELINE + "/baseline").check(status().is(200));
	}

	static HttpRequestActionBuilder secured(String name) {
		return http(name).get(SECURED + "/baseline").check(status().is(200));
	}

	static HttpRequestActionBuilder home(String name) {
		return http(name).get("/home").check(status().is(200));
	}

	static HttpRequestActionBuilder question(String name) {
		return http(name).get(STEP).check(status().is(200));
	}

	static ChainBuilder save(String name) {
		return exec(http(name).post(STEP)
			.formParam("continuation", "CONTINUE")
			.formParam("version", "#{version}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(302), header("Location").transform(l -> l.contains("/d/")).is(true)))
			.exec(session -> session.isFailed() ? session : session.set("version", session.getInt("version") + 1));
	}

	ChainBuilder setup = exec(
			http("login page").get("/login").check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
		.exec(http("login").post("/login")
			.formParam("userId", "#{userId}")
			.formParam("password", "#{password}")
			.formParam("_csrf", "#{csrf}")
			.check(status().is(302), header("Location").not("/login?error")))
		.exec(http("survey list").get("/survey")
			.check(status().is(302),
					header("Location").transform(l -> l.replaceAll(".*/survey/(\\d+).*", "$1")).saveAs("formId")))
		.exec(http("task list").get("/survey/#{formId}")
			.check(status().is(200), regex("/survey/\\d+/d/(\\d+)").saveAs("dependentId")))
		.exec(http("question page (setup)").get(STEP)
			.check(status().is(200), css("input[name=version]", "value").transform(Integer::valueOf).saveAs("version"),
					css("input[name=_csrf]", "value").saveAs("csrf")))
		// The secured baseline's own login (its session cookie is another name on another
		// port).
		.exec(http("secured login page").get(SECURED + "/login")
			.check(status().is(200), css("input[name=_csrf]", "value").saveAs("securedCsrf")))
		.exec(http("secured login").post(SECURED + "/login")
			.formParam("username", SecuredBaselineApplication.USER)
			.formParam("password", SecuredBaselineApplication.USER)
			.formParam("_csrf", "#{securedCsrf}")
			.check(status().is(302), header("Location").transform(l -> l.endsWith("/baseline")).is(true)));

	ChainBuilder phase(String name, Duration duration, String jfr, ChainBuilder request, boolean measure) {
		Phase phase = new Phase(name, duration, jfr);
		if (measure) {
			this.measured.add(phase);
		}
		return exec(phase::enter).during(duration, false)
			.on(exec(request).exec(phase::done))
			.exec(phase::leave)
			.rendezVous(USERS);
	}

	ChainBuilder warmup() {
		return exec(phase("warm-up baseline", WARMUP, null, exec(baseline("warm-up baseline")), false))
			.exec(phase("warm-up secured", WARMUP, null, exec(secured("warm-up secured")), false))
			.exec(phase("warm-up home", WARMUP, null, exec(home("warm-up home")), false))
			.exec(phase("warm-up question page", WARMUP, null, exec(question("warm-up question page")), false))
			.exec(phase("warm-up save", WARMUP, null, save("warm-up save"), false));
	}

	ChainBuilder warmups = warmup().exec(warmup());

	ChainBuilder phases = exec(phase("baseline 1", MEASURE, null, exec(baseline("baseline 1")), true))
		.exec(phase("home", MEASURE, "home", exec(home("home")), true))
		.exec(phase("baseline 2", MEASURE, null, exec(baseline("baseline 2")), true))
		.exec(phase("question page", MEASURE, "question", exec(question("question page")), true))
		.exec(phase("baseline 3", MEASURE, null, exec(baseline("baseline 3")), true))
		.exec(phase("save", MEASURE, "save", save("save"), true))
		.exec(phase("baseline 4", MEASURE, null, exec(baseline("baseline 4")), true))
		.exec(phase("secured", MEASURE, null, exec(secured("secured")), true))
		.exec(phase("baseline 5", MEASURE, null, exec(baseline("baseline 5")), true));

	ScenarioBuilder ratios = scenario("page ratios").feed(csv(DIR.resolve("members.csv").toString()).queue())
		.exec(this.setup)
		.rendezVous(USERS)
		.exec(this.warmups)
		.exec(this.phases);

	{
		Duration total = WARMUP.multipliedBy(10).plus(MEASURE.multipliedBy(9)).plus(Duration.ofMinutes(3));
		setUp(this.ratios.injectOpen(atOnceUsers(USERS))).protocols(this.protocol)
			.maxDuration(total)
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void after() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "Page ratios, %s, %d users, %d s per phase (warm-up 2 x %d s per page)%n",
				Instant.now(), USERS, MEASURE.toSeconds(), WARMUP.toSeconds()));
		out.append(String.format(Locale.ROOT, "%-14s %10s %8s %4s %7s %12s%n", "phase", "req/s", "ok", "ko", "s",
				"server CPU"));
		for (Phase p : this.measured) {
			out.append(String.format(Locale.ROOT, "%-14s %10.1f %8d %4d %7.1f %9.3f ms%n", p.name, p.rate(), p.ok.sum(),
					p.ko.sum(), p.seconds(), p.cpuMillisPerRequest()));
		}
		out.append("Kennin ÷ mean of the baselines before and after:\n");
		for (int i = 1; i < this.measured.size(); i += 2) {
			Phase page = this.measured.get(i);
			double base = (this.measured.get(i - 1).rate() + this.measured.get(i + 1).rate()) / 2;
			double ratio = page.rate() / base;
			if ("secured".equals(page.name)) {
				// Not a target: what Spring Security and Spring Session JDBC alone leave of
				// the bare page.
				out.append(String.format(Locale.ROOT,
						"  %-14s %.3f  (%.1f / %.1f req/s; the same page behind Spring Security + Spring Session JDBC)%n",
						page.name, ratio, page.rate(), base));
				continue;
			}
			double target = "home".equals(page.name) ? 0.5 : 0.35;
			out.append(String.format(Locale.ROOT, "  %-14s %.3f  (%.1f / %.1f req/s; target >= %.2f: %s)%n", page.name,
					ratio, page.rate(), base, target, ratio >= target ? "met" : "not met"));
		}
		out.append("By the server's CPU time per request (baseline's ÷ Kennin's; steadier when the machine's load moves):\n");
		for (int i = 1; i < this.measured.size(); i += 2) {
			Phase page = this.measured.get(i);
			double base = (this.measured.get(i - 1).cpuMillisPerRequest()
					+ this.measured.get(i + 1).cpuMillisPerRequest()) / 2;
			out.append(String.format(Locale.ROOT, "  %-14s %.3f  (%.3f ms against %.3f ms)%n", page.name,
					base / page.cpuMillisPerRequest(), page.cpuMillisPerRequest(), base));
		}
		System.out.print(out);
		try {
			Files.createDirectories(OUT);
			Files.writeString(OUT.resolve("result.txt"), out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code getconf CLK_TCK}: the unit of /proc's CPU times on Linux. */
	static final long CLOCK_TICKS = 100;

	/**
	 * User and system time of the server process so far (fields 14 and 15 of
	 * /proc/PID/stat), so that each phase can report what a request cost the server
	 * whatever else the machine was doing.
	 */
	static long serverCpuTicks() {
		try {
			String stat = Files.readString(Path.of("/proc", SERVER_PID, "stat"), StandardCharsets.US_ASCII);
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void startRecording(String name, Duration duration) {
		try {
			Files.createDirectories(OUT);
			new ProcessBuilder("jcmd", SERVER_PID, "JFR.start", "name=pageratio-" + name, "settings=profile",
					"duration=" + duration.toSeconds() + "s", "filename=" + OUT.resolve(name + ".jfr"))
				.redirectErrorStream(true)
				.redirectOutput(OUT.resolve(name + "-jcmd.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(String file) {
		try {
			return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Start PageRatioServer first (docs/benchmarks.md)", ex);
		}
	}

}
