package jp.kennin.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request of a member session whose account may no longer be used: the
 * insured person became inactive on the roster (a snapshot import left the household out)
 * or the account is gone. The import ends such sessions itself
 * ({@link RosterDeactivations}), but a session opened while the import ran, or one the
 * import could not end (the command line runs without the session store), would live on;
 * one primary-key lookup per request closes that gap for every entry point at once
 * (pages, downloads, autosaves) instead of a check in each module that reads the
 * household's data. Staff requests never pass here.
 */
class ActiveMemberFilter extends OncePerRequestFilter {

	private final AccountRepository accounts;

	ActiveMemberFilter(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// Style sheets, scripts and images show nothing of the household.
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof MemberPrincipal member
				&& !accounts.usable(member.tenantId(), member.accountId())) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			request.getSession().setAttribute(LoginHandlers.INACTIVE_TENANT, member.tenantId());
			response.sendRedirect(request.getContextPath() + "/login?inactive");
			return;
		}
		chain.doFilter(request, response);
	}

}
