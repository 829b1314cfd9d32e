package jp.kennin.account.internal;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.platform.PublicPaths;
import jp.kennin.platform.SecurityBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The member side: everything not claimed by the staff chain. Modules open their public
 * pages by declaring {@link PublicPaths} beans. Login changes the session ID (Spring
 * Security's default {@code changeSessionId}, never disabled).
 */
@Configuration(proxyBeanMethods = false)
class MemberSecurityConfiguration {

	static final List<String> ALWAYS_PUBLIC = List.of("/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
			"/login");

	@Bean
	@Order(20)
	SecurityFilterChain memberChain(HttpSecurity http, SecurityBaseline baseline, List<PublicPaths> publicPaths,
			MemberAuthenticationProvider provider, LoginHandlers handlers, AccountAudit audit,
			AccountRepository accounts, Clock clock) throws Exception {
		String[] open = publicPaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
		baseline.apply(http);
		http.authenticationManager(new ProviderManager(provider))
			.addFilterAfter(new AbsoluteTimeoutFilter(clock), SecurityContextHolderFilter.class)
			.addFilterAfter(new ActiveMemberFilter(accounts), AbsoluteTimeoutFilter.class)
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new))
				.permitAll()
				.requestMatchers(open)
				.permitAll()
				.anyRequest()
				.hasRole("MEMBER"))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("userId")
				.successHandler(handlers)
				.failureHandler(handlers))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, auth) -> {
					if (auth != null && auth.getPrincipal() instanceof MemberPrincipal member) {
						audit.principal(AccountAuditEvent.LOGOUT, member, request.getRemoteAddr());
					}
				}));
		return http.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths accountPublicPaths() {
			return PublicPaths.of("/signup", "/signup/**", "/forgot-password", "/forgot-user-id", "/reset-password",
					"/reset-password/**");
		}

	}

}
