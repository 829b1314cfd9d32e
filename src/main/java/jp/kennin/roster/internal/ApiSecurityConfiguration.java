package jp.kennin.roster.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.ApiPrincipal;
import jp.kennin.platform.SecurityBaseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**}: machine clients with a tenant API token
 * ({@code Authorization: Bearer kennin_…}). Stateless, so no session and no CSRF token
 * (there is no cookie to ride on). A token's scopes become authorities
 * ({@code SCOPE_roster:import}, {@code SCOPE_results:read}); the roster import needs its
 * scope here, and the results API's service checks its own (so a token of the wrong scope
 * gets 403 either way).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String ROLE = "ROSTER_API";

	static final String SCOPE = "SCOPE_";

	@Bean
	@Order(5)
	SecurityFilterChain apiChain(HttpSecurity http, SecurityBaseline baseline, ApiTokens tokens) throws Exception {
		baseline.apply(http);
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new TokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/roster/**")
				.hasAuthority(SCOPE + ApiPrincipal.ROSTER_IMPORT)
				.anyRequest()
				.hasRole(ROLE))
			.exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"status\":\"FORBIDDEN\",\"message\":\"the token lacks the scope\"}");
			}).authenticationEntryPoint((request, response, ex) -> {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setHeader("WWW-Authenticate", "Bearer");
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter().write("{\"status\":\"UNAUTHORIZED\",\"message\":\"valid API token required\"}");
			}));
		return http.build();
	}

	static final class TokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		TokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				tokens.authenticate(header.substring(7).strip()).ifPresent(token -> {
					List<SimpleGrantedAuthority> authorities = new ArrayList<>();
					authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE));
					token.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(SCOPE + scope)));
					var auth = new UsernamePasswordAuthenticationToken(
							new ApiClient(token.id(), token.tenantId(), token.scopes()), null, authorities);
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(auth);
					SecurityContextHolder.setContext(context);
				});
			}
			chain.doFilter(request, response);
		}

	}

}
