package bench.baseline;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The bare baseline of the page ratios (issue 17, docs/benchmarks.md): the same stack as
 * Kennin (Spring Boot, Spring MVC on Tomcat, Thymeleaf, Hikari and Spring JDBC on the
 * same PostgreSQL) serving one page that makes one query and renders a small template; no
 * security, no session, no Kennin bean.
 * <p>
 * Its own package outside {@code jp.kennin}, so that neither application scans the other.
 * The auto-configurations are named rather than enabled wholesale: the load profile's
 * classpath is Kennin's, and {@code @EnableAutoConfiguration} would switch on Spring
 * Security, Spring Session JDBC, Flyway, Actuator and Modulith here too. Kennin's
 * {@code application.yml} is not read ({@code spring.config.name=baseline}).
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class, ThymeleafAutoConfiguration.class,
		DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
public class BaselineApplication {

	/**
	 * Starts the baseline on {@code port} (0: any free one) against {@code jdbcUrl}, with
	 * Hikari's defaults (as Kennin: 10 connections) and Tomcat's (200 threads).
	 */
	public static ConfigurableApplicationContext start(int port, String jdbcUrl, String user, String password) {
		SpringApplication app = new SpringApplication(BaselineApplication.class);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		app.setDefaultProperties(Map.of("spring.config.name", "baseline"));
		return app.run("--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.thymeleaf.prefix=classpath:/bench/baseline/templates/", "--spring.main.banner-mode=off",
				"--logging.level.root=warn",
				// Kennin's StartupChecks (spring.factories) run for every application in
				// the JVM.
				"--kennin.secret-key=baseline-does-not-sign-anything-32bytes!", "--kennin.mail.capture=on",
				"--kennin.data-dir=target/journey/baseline");
	}

}
