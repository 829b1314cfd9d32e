package jp.kennin.test;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points test contexts at PostgreSQL when the run asks for it (Surefire's
 * {@code postgres} execution).
 */
class TestDatabaseEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("kenninTestSmtp", Map.of("kennin.test.smtp-port", TestSmtp.PORT)));
		if (!TestPostgres.selected()) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("kenninTestPostgres",
					Map.of("spring.datasource.url", TestPostgres.jdbcUrlWithSchema(), "spring.datasource.username",
							TestPostgres.USER, "spring.datasource.password", TestPostgres.PASSWORD)));
	}

}
