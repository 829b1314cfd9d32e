package jp.kennin.platform;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the request ID to error pages, so a member can quote it to the help desk, and a
 * known reason for a 400 (see {@link UnstorableTextResolver}). Nothing else of the
 * failure (no message, no exception, no trace) reaches the page.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE, WebRequest.SCOPE_REQUEST);
		if (requestId != null) {
			attributes.put("requestId", requestId);
		}
		Object reason = request.getAttribute(UnstorableTextResolver.REASON, WebRequest.SCOPE_REQUEST);
		if (reason != null) {
			attributes.put("reason", reason);
		}
		return attributes;
	}

}
