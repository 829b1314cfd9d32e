package jp.kennin.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kennin.terms.TermsOfUse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * No member page before consent: a logged-in member who has not accepted the current
 * terms is sent to the consent page from any page, and comes back to the page they asked
 * for afterwards.
 */
@Configuration(proxyBeanMethods = false)
public class TermsGate implements WebMvcConfigurer, HandlerInterceptor {

	/**
	 * Session attribute: the terms version this member accepted (a cache of the
	 * database).
	 */
	public static final String ACCEPTED = "kennin.member.termsAccepted";

	/** Session attribute: where to go after consenting. */
	public static final String AFTER_CONSENT = "kennin.member.afterConsent";

	private final TermsOfUse terms;

	private final TermsConsents consents;

	TermsGate(TermsOfUse terms, TermsConsents consents) {
		this.terms = terms;
		this.consents = consents;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.excludePathPatterns("/terms", "/terms/**", "/logout", "/error", "/css/**", "/js/**", "/images/**",
					"/favicon.ico", "/admin", "/admin/**", "/actuator/**", "/dev/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof MemberPrincipal member)) {
			return true;
		}
		if (needsConsent(member, request.getSession())) {
			if ("GET".equals(request.getMethod())) {
				String query = request.getQueryString();
				String path = request.getRequestURI().substring(request.getContextPath().length());
				request.getSession().setAttribute(AFTER_CONSENT, path + (query == null ? "" : "?" + query));
			}
			response.sendRedirect(request.getContextPath() + "/terms/consent");
			return false;
		}
		return true;
	}

	public boolean needsConsent(MemberPrincipal member, HttpSession session) {
		int current = terms.current().version();
		if (session.getAttribute(ACCEPTED) instanceof Integer accepted && accepted >= current) {
			return false;
		}
		int accepted = consents.acceptedVersion(member.tenantId(), member.accountId());
		session.setAttribute(ACCEPTED, accepted);
		return accepted < current;
	}

}
