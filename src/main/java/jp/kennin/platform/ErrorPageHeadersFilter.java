package jp.kennin.platform;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page (/error) runs in a second dispatch that Spring Security's header writer
 * skips. Usually the first dispatch wrote the headers already; a request refused by the
 * firewall never reached a filter chain, so its error page would go out without them.
 */
@Component
class ErrorPageHeadersFilter extends OncePerRequestFilter {

	private final SecurityBaseline baseline;

	ErrorPageHeadersFilter(SecurityBaseline baseline) {
		this.baseline = baseline;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!response.containsHeader("Content-Security-Policy")) {
			baseline.writeHeaders(request, response);
		}
		chain.doFilter(request, response);
	}

}
