package jp.kennin.test;

import jp.kennin.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint that fails, to prove the 500 page never shows internals.
 */
@RestController
class FailingTestController {

	static final String SECRET_DETAIL = "secret-internal-detail-4711";

	@GetMapping("/test-only/boom")
	String boom() {
		throw new IllegalStateException(SECRET_DETAIL);
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths failingTestPaths() {
			return PublicPaths.of("/test-only/**");
		}

	}

}
