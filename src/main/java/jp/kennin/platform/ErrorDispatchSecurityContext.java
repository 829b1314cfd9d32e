package jp.kennin.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the logged-in user of a failed request to its error page. The error dispatch runs
 * without Spring Session (it must render while the database, where sessions live, is
 * down), so it cannot load the user from the session: this filter, right after the
 * security context is loaded, keeps the context in a request attribute when the request
 * ends in an error, where the chains' {@link RequestAttributeSecurityContextRepository}
 * finds it. A request that failed on the database before its session was read leaves it
 * alone, so the error page does not wait for the database a second time.
 */
class ErrorDispatchSecurityContext extends OncePerRequestFilter {

	/** Spring Session's attribute for the session it has read for this request. */
	private static final String SESSION_READ = SessionRepositoryFilter.SESSION_REPOSITORY_ATTR + ".CURRENT_SESSION";

	private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!databaseFailure(ex) || request.getAttribute(SESSION_READ) != null) {
				keep(request, response);
			}
			throw ex;
		}
		if (response.getStatus() >= 400) {
			keep(request, response);
		}
	}

	private void keep(HttpServletRequest request, HttpServletResponse response) {
		try {
			SecurityContext context = SecurityContextHolder.getContext();
			if (context.getAuthentication() != null) {
				repository.saveContext(context, request, response);
			}
		}
		catch (RuntimeException ex) {
			// The session cannot be read now: the error page shows no logged-in user.
		}
	}

	private static boolean databaseFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
