package jp.kennin.account.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Login throughput against the raw cost of Argon2id. Not a test: run it by hand
 * (docs/benchmarks.md).
 * <p>
 * Phase 1 verifies a password with Argon2id (m=19 MiB, t=2, p=1, Kennin's parameters) on
 * as many threads as there are cores. Phase 2 logs in over HTTP (GET /login for the CSRF
 * token, POST /login) with the same number of clients. The ratio says how much of a
 * login's cost is the hash; the target is ≥ 0.9.
 * <p>
 * Arguments: {@code baseUrl userId password [seconds]}, or none to start Kennin in this
 * JVM (embedded H2 under target/bench-data) with a member created for the run.
 */
public final class LoginBenchmark {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private LoginBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int threads = Runtime.getRuntime().availableProcessors();
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : Integer.getInteger("bench.seconds", 10);
		String baseUrl;
		String userId;
		String password;
		AutoCloseable app = null;
		if (args.length >= 3) {
			baseUrl = args[0];
			userId = args[1];
			password = args[2];
		}
		else {
			EmbeddedKennin embedded = EmbeddedKennin.start();
			app = embedded;
			baseUrl = embedded.baseUrl();
			userId = embedded.userId();
			password = embedded.password();
		}
		try {
			int clients = Integer.getInteger("bench.clients", 4 * threads);
			int rounds = Integer.getInteger("bench.rounds", 3);
			System.out.printf(
					"Kennin login benchmark — %s, %d cores, Java %s, %d s warm-up, %d rounds of %ds per phase, "
							+ "%d hashing threads, %d HTTP clients%n",
					Instant.now(), threads, Runtime.version(), Integer.getInteger("bench.warmup", 40), rounds, seconds,
					threads, clients);
			Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
			String hash = argon2.encode(password);
			BooleanSupplier verify = () -> argon2.matches(password, hash);
			BooleanSupplier login = loginClient(baseUrl, userId, password);
			// Warm both paths up until the JIT has settled (the first rounds of a 10 s
			// warm-up still ran at 0.6-0.8 of the settled rate), then alternate the
			// phases
			// so that a change in the machine's other load affects both alike; the
			// median round is reported.
			int warmup = Integer.getInteger("bench.warmup", 40);
			run(threads, Duration.ofSeconds(Math.max(5, warmup / 4)), verify);
			run(clients, Duration.ofSeconds(warmup), login);
			List<Double> ratios = new ArrayList<>();
			List<Double> flowRatios = new ArrayList<>();
			double allHashes = 0;
			double allPosts = 0;
			double allFlows = 0;
			for (int round = 1; round <= rounds; round++) {
				double hashes = measure("Argon2id verifications", threads, seconds, verify);
				// The login request itself: POST /login on login pages fetched
				// beforehand.
				LoginForms forms = new LoginForms(baseUrl);
				forms.prepare((int) (hashes * seconds * 1.5) + clients);
				double posts = measure("POST /login", clients, seconds, forms.post(userId, password));
				// The whole visit: GET /login, then POST /login.
				double flows = measure("GET+POST /login", clients, seconds, login);
				ratios.add(posts / hashes);
				flowRatios.add(flows / hashes);
				allHashes += hashes;
				allPosts += posts;
				allFlows += flows;
				System.out.printf("Round %d ratio: POST %.2f, GET+POST %.2f%n", round, posts / hashes, flows / hashes);
			}
			ratios.sort(null);
			flowRatios.sort(null);
			System.out.printf("Median ratio POST /login / Argon2id verifications: %.2f (target >= 0.90)%n",
					ratios.get(ratios.size() / 2));
			System.out.printf("Median ratio GET+POST /login / Argon2id verifications: %.2f%n",
					flowRatios.get(flowRatios.size() / 2));
			// With many short rounds (-Dbench.rounds=20 -Dbench.seconds=3) the machine's
			// drift hits both sides alike; the ratio of the sums is then the steadier
			// figure.
			System.out.printf("Ratio of all rounds together: POST %.2f, GET+POST %.2f%n", allPosts / allHashes,
					allFlows / allHashes);
		}
		finally {
			if (app != null) {
				app.close();
			}
		}
	}

	/**
	 * Runs the action on each thread for {@code seconds}; returns completed actions per
	 * second.
	 */
	static double measure(String name, int threads, int seconds, BooleanSupplier action) throws Exception {
		long gcBefore = gcMillis();
		long cpuBefore = processCpuNanos();
		long[] result = run(threads, Duration.ofSeconds(seconds), action);
		double perSecond = result[0] / (result[2] / 1e9);
		double cpuMillisEach = (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, result[0]);
		System.out.printf("%-24s %8.1f /s  (%d ok, %d failed, %d threads, GC %d ms, %.1f ms CPU each)%n", name,
				perSecond, result[0], result[1], threads, gcMillis() - gcBefore, cpuMillisEach);
		return perSecond;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long gcMillis() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	private static long[] run(int threads, Duration duration, BooleanSupplier action) throws Exception {
		LongAdder ok = new LongAdder();
		LongAdder failed = new LongAdder();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			futures.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					(action.getAsBoolean() ? ok : failed).increment();
				}
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		return new long[] { ok.sum(), failed.sum(), elapsed };
	}

	/**
	 * One login per call, as a new visitor: GET /login for a session and its token, then
	 * POST /login.
	 */
	static BooleanSupplier loginClient(String baseUrl, String userId, String password) {
		return new LoginForms(baseUrl).post(userId, password);
	}

}
