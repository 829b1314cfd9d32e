package jp.kennin.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The headers every filter chain sends: a strict CSP (no inline script or style), no
 * framing, no MIME sniffing, a strict referrer policy, HSTS over HTTPS, and
 * {@code Cache-Control: no-store} unless a handler set its own caching (static resources
 * do). Error pages that no filter chain has seen (a request the firewall or Tomcat
 * refused) get the same headers through {@link #writeHeaders}.
 */
@Component
public class SecurityBaseline {

	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private final List<HeaderWriter> writers = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(31_536_000, true),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN),
			new PermissionsPolicyHeaderWriter("camera=(self), geolocation=(), microphone=()"));

	public void apply(HttpSecurity http) throws Exception {
		http.headers(headers -> {
			headers.defaultsDisabled();
			writers.forEach(headers::addHeaderWriter);
		});
		http.addFilterAfter(new ErrorDispatchSecurityContext(), SecurityContextHolderFilter.class);
	}

	/** The same headers on a response that did not pass through a filter chain. */
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		writers.forEach(writer -> writer.writeHeaders(request, response));
	}

}
