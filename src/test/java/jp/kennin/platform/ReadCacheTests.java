package jp.kennin.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-node read cache: kept for its time to live (on its own time source), forgotten
 * on invalidation and again when the writing transaction ends, never filled inside a
 * writing transaction, and off with a zero time to live.
 */
class ReadCacheTests {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final AtomicInteger loads = new AtomicInteger();

	private final ReadCache<String, String> cache = ReadCache.of(Duration.ofSeconds(5), 10, nanos::get);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
		TransactionSynchronizationManager.setActualTransactionActive(false);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
	}

	@Test
	void a_value_is_read_once_within_its_time_to_live_and_again_after_it() {
		assertThat(cache.get("terms", this::load)).isEqualTo("terms#1");
		nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
		assertThat(cache.get("terms", this::load)).isEqualTo("terms#1");
		nanos.addAndGet(Duration.ofMillis(2).toNanos());
		assertThat(cache.get("terms", this::load)).isEqualTo("terms#2");
	}

	@Test
	void invalidation_makes_the_next_read_load_the_change() {
		cache.get("tenant", this::load);
		cache.invalidate();
		assertThat(cache.get("tenant", this::load)).isEqualTo("tenant#2");
	}

	@Test
	void what_a_writing_transaction_reads_is_not_kept_and_its_end_forgets_the_rest() {
		cache.get("tenant", this::load);
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);

		cache.invalidate();
		assertThat(cache.get("tenant", this::load)).as("read inside the writer").isEqualTo("tenant#2");
		assertThat(cache.get("tenant", this::load)).as("not kept while it may roll back").isEqualTo("tenant#3");

		// Another thread filled the cache with the old row before the writer committed.
		TransactionSynchronizationManager.setActualTransactionActive(false);
		cache.get("tenant", this::load);
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
		assertThat(cache.get("tenant", this::load)).as("forgotten when the writer ended").isEqualTo("tenant#5");
	}

	@Test
	void a_read_only_transaction_uses_the_cache() {
		cache.get("terms", this::load);
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
		assertThat(cache.get("terms", this::load)).isEqualTo("terms#1");
	}

	@Test
	void an_absent_value_is_not_kept() {
		ReadCache<Long, Optional<String>> byId = ReadCache.of(Duration.ofSeconds(5), 10, nanos::get);
		assertThat(byId.get(7L, k -> loads.incrementAndGet() == 1 ? Optional.empty() : Optional.of("new"))).isEmpty();
		assertThat(byId.get(7L, k -> loads.incrementAndGet() == 1 ? Optional.empty() : Optional.of("new")))
			.contains("new");
	}

	@Test
	void a_zero_time_to_live_caches_nothing() {
		ReadCache<String, String> off = ReadCache.of(Duration.ZERO, 10, nanos::get);
		off.get("terms", this::load);
		assertThat(off.get("terms", this::load)).isEqualTo("terms#2");
	}

	private String load(String key) {
		return key + "#" + loads.incrementAndGet();
	}

}
