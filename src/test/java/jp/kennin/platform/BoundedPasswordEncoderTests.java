package jp.kennin.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No more hashes run at once than the bound, whatever the number of callers; every caller
 * gets its answer, and a turn is given back when a hash fails.
 */
class BoundedPasswordEncoderTests {

	@Test
	void at_most_the_bound_runs_at_once_and_every_caller_is_answered() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		PasswordEncoder slow = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return "x";
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				most.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				running.decrementAndGet();
				return raw.toString().equals(encoded);
			}
		};
		BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
		int callers = 12;
		CountDownLatch done = new CountDownLatch(callers);
		AtomicInteger matched = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			Thread t = new Thread(() -> {
				if (bounded.matches("pw", "pw")) {
					matched.incrementAndGet();
				}
				done.countDown();
			});
			threads.add(t);
			t.start();
		}

		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(matched).hasValue(callers);
		assertThat(most.get()).isEqualTo(2);
		assertThat(bounded.available()).isEqualTo(2);
	}

	@Test
	void a_failing_hash_gives_its_turn_back() {
		PasswordEncoder failing = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				throw new IllegalArgumentException("bad");
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				throw new IllegalArgumentException("bad");
			}
		};
		BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(failing, 1);

		assertThatThrownBy(() -> bounded.matches("pw", "pw")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> bounded.encode("pw")).isInstanceOf(IllegalArgumentException.class);
		assertThat(bounded.available()).isOne();
	}

	@Test
	void the_argon2_encoder_still_verifies_through_the_bound() {
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(1);
		String hash = encoder.encode("Correct-horse-2026");

		assertThat(hash).startsWith("{argon2}");
		assertThat(encoder.matches("Correct-horse-2026", hash)).isTrue();
		assertThat(encoder.matches("wrong", hash)).isFalse();
	}

}
