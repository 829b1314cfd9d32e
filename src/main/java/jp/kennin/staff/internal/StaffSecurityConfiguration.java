package jp.kennin.staff.internal;

import jakarta.servlet.DispatcherType;

import jp.kennin.platform.SecurityBaseline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The staff side ({@code /admin/**}) and the actuator have their own login and their own security
 * context in the session, so a member login and a staff login never mix.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final String CONTEXT_KEY = "KENNIN_STAFF_SECURITY_CONTEXT";

	@Bean
	@Order(10)
	SecurityFilterChain staffChain(HttpSecurity http, SecurityBaseline baseline, JdbcStaffAccounts accounts,
			PasswordEncoder encoder, @Value("${management.server.port:-1}") int managementPort) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
				username -> accounts.loadPrincipal(username)
					.orElseThrow(() -> new org.springframework.security.core.userdetails.UsernameNotFoundException(
							"unknown")));
		provider.setPasswordEncoder(encoder);
		baseline.apply(http);
		http.securityMatcher("/admin/**", "/actuator/**")
			.securityContext(sc -> sc.securityContextRepository(contexts))
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers("/admin/login", "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				// On a separate management port (private network) Prometheus may scrape without a login.
				.requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.hasRole("STAFF"))
			.formLogin(form -> form.loginPage("/admin/login")
				.loginProcessingUrl("/admin/login")
				.usernameParameter("loginId")
				.defaultSuccessUrl("/admin", false)
				.failureUrl("/admin/login?error"))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"));
		return http.build();
	}

}
