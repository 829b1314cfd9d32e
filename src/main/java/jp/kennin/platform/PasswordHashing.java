package jp.kennin.platform;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with m=19 MiB, t=2, p=1 (the OWASP minimum). Delegating, so hashes of another
 * scheme still verify and are upgraded at the next login; bounded, so that no more hashes
 * run at once than there are cores ({@link BoundedPasswordEncoder}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19_456;

	static final int ITERATIONS = 2;

	/**
	 * @param concurrency how many hashes run at once ({@code
	 * kennin.security.password-hashing-concurrency}, default the number of cores)
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${kennin.security.password-hashing-concurrency:0}") int concurrency) {
		int turns = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
		return new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2(), "bcrypt", new BCryptPasswordEncoder())), turns);
	}

	public static Argon2PasswordEncoder argon2() {
		return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
	}

}
