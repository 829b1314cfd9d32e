package jp.kennin.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controller methods, skipping the mappings whose
 * paths cannot match before Spring checks them. A URL with an id in it
 * ({@code /survey/{form}/d/{dependent}/income}) has no direct entry, so Spring tests
 * every mapping of the application against the request, each test going through the
 * method, header and produces conditions and the path pattern, and each reading the
 * request through the half-dozen wrappers of the filter chain: with about 250 mappings
 * that was 15 % of a survey question page and 30 % of its save (JFR, docs/benchmarks.md,
 * issue 17). Here a mapping whose every pattern starts with a literal first segment other
 * than the request's ({@code admin} for {@code survey}) is passed over, which cannot
 * change the outcome: such a pattern never matches. Patterns that start with a variable
 * or a wildcard are always tested, and "no match" (404, 405, 406) is still decided by
 * Spring over all mappings.
 */
class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

	/** The request's first path segment while Spring looks up its handler. */
	private static final ThreadLocal<String> REQUEST_SEGMENT = new ThreadLocal<>();

	/**
	 * A mapping's possible first segments; empty when a pattern may start with anything
	 * (a mapping with patterns always has at least one literal segment otherwise).
	 */
	private final Map<RequestMappingInfo, Set<String>> firstSegments = new ConcurrentHashMap<>();

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		String segment = getPatternParser() != null && getPatternParser().isCaseSensitive() ? requestSegment(request)
				: null;
		if (segment == null) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		REQUEST_SEGMENT.set(segment);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			REQUEST_SEGMENT.remove();
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String segment = REQUEST_SEGMENT.get();
		if (segment != null) {
			Set<String> possible = this.firstSegments.computeIfAbsent(info, FirstSegmentHandlerMapping::firstSegments);
			if (!possible.isEmpty() && !possible.contains(segment)) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	/**
	 * The first segment as path patterns see it (decoded, without matrix variables), or
	 * null when the path has none to compare ({@code ""}, {@code //x}).
	 */
	static String requestSegment(HttpServletRequest request) {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return null;
		}
		RequestPath path = ServletRequestPathUtils.getParsedRequestPath(request);
		List<PathContainer.Element> elements = path.pathWithinApplication().elements();
		if (elements.isEmpty() || !(elements.get(0) instanceof PathContainer.Separator)) {
			return null;
		}
		if (elements.size() == 1) {
			return "";
		}
		return (elements.get(1) instanceof PathContainer.PathSegment segment) ? segment.valueToMatch() : null;
	}

	/**
	 * The literal first segments of a mapping's patterns, or none if one of them starts
	 * with a variable, a wildcard or no separator.
	 */
	static Set<String> firstSegments(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null) {
			return Set.of();
		}
		Set<String> segments = new HashSet<>();
		for (PathPattern pattern : condition.getPatterns()) {
			String segment = literalFirstSegment(pattern.getPatternString());
			if (segment == null) {
				return Set.of();
			}
			segments.add(segment);
		}
		return Set.copyOf(segments);
	}

	static String literalFirstSegment(String pattern) {
		if (!pattern.startsWith("/")) {
			return null;
		}
		int end = pattern.indexOf('/', 1);
		String segment = pattern.substring(1, (end < 0) ? pattern.length() : end);
		for (char c : new char[] { '{', '}', '*', '?', ';', '%' }) {
			if (segment.indexOf(c) >= 0) {
				return null;
			}
		}
		return segment;
	}

}
