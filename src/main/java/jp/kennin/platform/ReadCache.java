package jp.kennin.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small per-node cache for what nearly every request reads and staff rarely change (the
 * current terms version, an insurer's row). Several nodes share one database, so a change
 * made on another node is seen here once the entry's time to live has passed
 * ({@code kennin.cache.ttl}, a few seconds); on this node the writer calls
 * {@link #invalidate()}, which also forgets what was read inside the writing transaction
 * once it ends, so a rolled-back change is never kept. The time to live is measured on
 * {@link System#nanoTime()}, not on the application clock, which tests fix. A zero time
 * to live caches nothing (the test profile: the H2 database is shared by test contexts
 * that would not see each other's invalidations).
 *
 * <p>
 * Never put here what decides whether a session may go on (a disabled or changed account
 * must lose its session at once): that is read on every request.
 */
public final class ReadCache<K, V> {

	/**
	 * The setting and its default, for {@code @Value(ReadCache.TTL) Duration ttl} in each
	 * reader that keeps one.
	 */
	public static final String TTL = "${kennin.cache.ttl:5s}";

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final int maxEntries;

	private ReadCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
		this.nanoTime = nanoTime;
	}

	public static <K, V> ReadCache<K, V> of(Duration ttl, int maxEntries) {
		return new ReadCache<>(ttl, maxEntries, System::nanoTime);
	}

	/** For tests of the expiry: the time source is theirs. */
	static <K, V> ReadCache<K, V> of(Duration ttl, int maxEntries, LongSupplier nanoTime) {
		return new ReadCache<>(ttl, maxEntries, nanoTime);
	}

	/**
	 * The cached value of {@code key}, or what {@code load} returns, kept for the time to
	 * live. An empty {@link Optional} is not kept. Inside a transaction that writes,
	 * nothing is cached (it may roll back).
	 */
	public V get(K key, Function<K, V> load) {
		if (ttlNanos <= 0 || writing()) {
			return load.apply(key);
		}
		long now = nanoTime.getAsLong();
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.loadedAt < ttlNanos) {
			return entry.value;
		}
		V value = load.apply(key);
		if (value instanceof Optional<?> optional && optional.isEmpty()) {
			return value; // not kept: what is missing now may be created in a moment
		}
		// A bound, not an eviction policy: the keys are a few insurers.
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		entries.put(key, new Entry<>(value, now));
		return value;
	}

	/**
	 * Forgets every entry now and again when the current transaction ends (committed: the
	 * next read loads the change; rolled back: nothing read inside it is kept).
	 */
	public void invalidate() {
		entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					entries.clear();
				}
			});
		}
	}

	private static boolean writing() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	private record Entry<V>(V value, long loadedAt) {
	}

}
