package bench.securedbaseline;

import java.util.Map;

import bench.baseline.BaselineController;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * The bare baseline's page behind what the brief makes every Kennin page carry: Spring
 * Security (form login, CSRF, the default headers, every request authenticated) and the
 * session in PostgreSQL through Spring Session JDBC (Kennin's {@code SPRING_SESSION}
 * tables, Java serialisation as in Kennin). Nothing else: same controller, same query,
 * same template as {@link bench.baseline.BaselineApplication}. Its rate over the bare one
 * is the ceiling the chosen stack itself sets for any page that needs a logged-in member
 * (docs/benchmarks.md, issue 17).
 */
@SpringBootConfiguration
@EnableWebSecurity
@EnableJdbcHttpSession
@Import(BaselineController.class)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class, ThymeleafAutoConfiguration.class,
		DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
public class SecuredBaselineApplication {

	/** The one login; {@code {noop}}: the page is measured, not the password hash. */
	public static final String USER = "bench";

	@Bean
	SecurityFilterChain chain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.formLogin(form -> form.defaultSuccessUrl("/baseline", true).permitAll())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + USER).roles("MEMBER").build());
	}

	/** Starts it like the bare baseline, on its own port. */
	public static ConfigurableApplicationContext start(int port, String jdbcUrl, String user, String password) {
		SpringApplication app = new SpringApplication(SecuredBaselineApplication.class);
		app.setWebApplicationType(WebApplicationType.SERVLET);
		app.setDefaultProperties(Map.of("spring.config.name", "securedbaseline"));
		return app.run("--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.thymeleaf.prefix=classpath:/bench/baseline/templates/", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--kennin.secret-key=baseline-does-not-sign-anything-32bytes!",
				"--kennin.mail.capture=on", "--kennin.data-dir=target/journey/securedbaseline");
	}

}
