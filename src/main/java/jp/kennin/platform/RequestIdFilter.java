package jp.kennin.platform;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an ID that appears in each log line ({@code requestId} in the MDC)
 * and in the {@code X-Request-Id} response header, so a member's report can be matched to
 * the logs. An incoming ID from a proxy is kept only if it is short and plain, so it
 * cannot inject text into the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	public static final String ATTRIBUTE = "kennin.requestId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String existing ? existing : newId(request);
		request.setAttribute(ATTRIBUTE, id);
		MDC.put("requestId", id);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, id);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	/** The error page runs in a second dispatch and must show the same ID. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static String newId(HttpServletRequest request) {
		String incoming = request.getHeader(HEADER);
		return incoming != null && SAFE.matcher(incoming).matches() ? incoming : generate();
	}

	static String generate() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
