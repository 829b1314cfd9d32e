package jp.kennin.platform;

import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only so many password hashes run at once; the other requests wait for a turn
 * without taking CPU or memory. Argon2id takes 19 MiB per hash: with Tomcat's 200 threads
 * a burst of logins would ask for almost 4 GB, and hashes running beyond the number of
 * cores do not finish sooner, they evict each other's memory from the caches (on 2 cores,
 * 32 concurrent verifications gave about three quarters of the rate of 2).
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore turns;

	BoundedPasswordEncoder(PasswordEncoder delegate, int concurrency) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("password hashing concurrency must be at least 1");
		}
		this.delegate = delegate;
		// Fair: a login waits its turn instead of being overtaken indefinitely.
		this.turns = new Semaphore(concurrency, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		acquire();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			turns.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		acquire();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			turns.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	/** Turns free now (for tests). */
	int available() {
		return turns.availablePermits();
	}

	private void acquire() {
		try {
			turns.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to hash a password", ex);
		}
	}

}
