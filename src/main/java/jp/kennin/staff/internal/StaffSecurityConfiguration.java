package jp.kennin.staff.internal;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import jp.kennin.platform.SecurityBaseline;
import jp.kennin.platform.StaffActor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The staff side ({@code /admin/**}) and the actuator have their own login and their own
 * security context in the session, so a member login and a staff login never mix. The
 * login has two steps: the password grants {@code STAFF_PENDING}, the TOTP code (or
 * enrolment) the staff roles. The chain only tells staff from everyone else; which role
 * may do what, in which tenant, is each module's application service's rule. Every
 * request of a logged-in staff member passes {@link StaffSessionFilter} (timeouts,
 * account unchanged) before anything else looks at the login.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

	static final String CONTEXT_KEY = StaffActor.SESSION_CONTEXT_KEY;

	static HttpSessionSecurityContextRepository contextRepository() {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_KEY);
		return contexts;
	}

	@Bean
	@Order(10)
	SecurityFilterChain staffChain(HttpSecurity http, SecurityBaseline baseline, JdbcStaffAccounts accounts,
			PasswordEncoder encoder, LoginGuard guard, StaffAudit staffAudit, Clock clock,
			@Value("${management.server.port:-1}") int managementPort) throws Exception {
		AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
		baseline.apply(http);
		http.securityMatcher("/admin/**", "/actuator/**")
			// The request attribute too: the error page (no session there, see
			// platform.ErrorDispatchSecurityContext) still knows the staff member.
			.securityContext(sc -> sc.securityContextRepository(new DelegatingSecurityContextRepository(
					new RequestAttributeSecurityContextRepository(), contextRepository())))
			.addFilterAfter(new StaffSessionFilter(accounts, staffAudit, clock), SecurityContextHolderFilter.class)
			.authenticationManager(new ProviderManager(new StaffPasswordStep(accounts, encoder, guard, staffAudit)))
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
				.permitAll()
				.requestMatchers("/admin/login", "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/admin/login/totp", "/admin/login/enrol")
				.hasAuthority(StaffPasswordStep.PENDING)
				// On a separate management port (private network) Prometheus may scrape
				// without a login.
				.requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
				.permitAll()
				// Coarse on purpose: each module's service checks the role of its own
				// actions (StaffActor#require).
				// What stays here guards what has no such service: the actuator, the
				// staff module's own pages,
				// and the roster upload, whose multipart parsing must not start for
				// anyone else.
				.requestMatchers("/actuator/**")
				.hasRole(StaffActor.OPERATOR)
				.requestMatchers("/admin/roster/imports/**")
				.hasRole(StaffActor.TENANT_ADMIN)
				.requestMatchers("/admin/staff/**")
				.hasAnyRole(StaffActor.OPERATOR, StaffActor.TENANT_ADMIN)
				// Office contacts (no ROLE_STAFF) get their own pages, the home (which
				// sends them there), their own password and the recovery codes of the
				// login; anyRequest() below refuses them everything else, including any
				// staff URL added later.
				.requestMatchers("/admin/office", "/admin/office/**")
				.hasRole(StaffActor.OFFICE_CONTACT)
				.requestMatchers("/admin", "/admin/account/password", "/admin/login/recovery-codes")
				.hasAnyRole(StaffActor.ANY_STAFF, StaffActor.OFFICE_CONTACT)
				.anyRequest()
				.hasRole(StaffActor.ANY_STAFF))
			.formLogin(form -> form.loginPage("/admin/login")
				.loginProcessingUrl("/admin/login")
				.usernameParameter("loginId")
				.successHandler((request, response, authentication) -> {
					request.getSession().setAttribute(SecondFactor.PENDING_SINCE, clock.instant());
					boolean enrolled = ((StaffPrincipal) authentication.getPrincipal()).totpEnrolled();
					response.sendRedirect(
							request.getContextPath() + (enrolled ? "/admin/login/totp" : "/admin/login/enrol"));
				})
				.failureUrl("/admin/login?error"))
			.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
				var current = org.springframework.security.core.context.SecurityContextHolder.getContext()
					.getAuthentication();
				boolean pending = current != null && current.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch(StaffPasswordStep.PENDING::equals);
				if (pending) {
					response.sendRedirect(request.getContextPath() + "/admin/login/totp");
				}
				else {
					forbidden.handle(request, response, denied);
				}
			}))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"));
		return http.build();
	}

}
