package jp.kennin.account.internal;

import java.util.List;

import jakarta.servlet.DispatcherType;

import jp.kennin.platform.PublicPaths;
import jp.kennin.platform.SecurityBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The member side: everything not claimed by the staff chain. Modules open their public pages by
 * declaring {@link PublicPaths} beans.
 */
@Configuration(proxyBeanMethods = false)
class MemberSecurityConfiguration {

	static final List<String> ALWAYS_PUBLIC = List.of("/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
			"/login");

	@Bean
	@Order(20)
	SecurityFilterChain memberChain(HttpSecurity http, SecurityBaseline baseline, List<PublicPaths> publicPaths)
			throws Exception {
		String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
		baseline.apply(http);
		http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new))
			.permitAll()
			.requestMatchers(open)
			.permitAll()
			.anyRequest()
			.hasRole("MEMBER"))
			.formLogin(form -> form.loginPage("/login").usernameParameter("userId").failureUrl("/login?error"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		return http.build();
	}

}
