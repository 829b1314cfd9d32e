package jp.kennin.document.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentSettings;
import jp.kennin.platform.UploadLimits;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file beyond the server's multipart limit (spring.servlet.multipart.max-file-size)
 * makes Tomcat fail while the CSRF filter reads the token, which would end in an error
 * page. This filter, placed before Spring Security, parses the upload first and answers
 * such a request like any refused upload: back to the page with 「ファイルサイズは10MB以下にしてください」.
 * Nothing is stored, so skipping CSRF here is harmless.
 */
@Component
class OversizedUploadFilter extends OncePerRequestFilter implements Ordered {

	private final MessageSource messages;

	private final DocumentSettings settings;

	OversizedUploadFilter(MessageSource messages, DocumentSettings settings) {
		this.messages = messages;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return -105; // after Spring Session (the session is needed), before Spring
						// Security (-100)
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/")
				|| !"/documents".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | ServletException | IOException ex) {
			if (!UploadLimits.exceeded(ex)) {
				throw ex;
			}
			redirectWithSizeMessage(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void redirectWithSizeMessage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = RequestContextUtils.getLocale(request);
		String text = messages.getMessage(DocumentProblem.TOO_LARGE.messageKey(),
				new Object[] { maxBytes(request) / (1024 * 1024) }, locale);
		String target = MemberDocumentController.safeReturn(param(request, "returnTo"));
		FlashMap flash = new FlashMap();
		UploadError error = new UploadError(slot(param(request, "slot")), parseLong(param(request, "subject")), text);
		flash.put("documentError", error);
		flash.setTargetRequestPath(target.replaceFirst("[?#].*$", ""));
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + SlotIds.withAnchor(target, error.anchor()));
	}

	private long maxBytes(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object context = session == null ? null
				: session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security) {
			return MemberOwners.of(security.getAuthentication())
				.map(owner -> settings.maxFileBytes(owner.tenantId()))
				.orElse(DocumentSettings.DEFAULT_MAX_FILE_BYTES);
		}
		return DocumentSettings.DEFAULT_MAX_FILE_BYTES;
	}

	/** Query parameters only: reading the failed multipart body again may throw. */
	private static String param(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static String slot(String slot) {
		return slot == null || !slot.matches("[A-Z0-9_]{1,40}") ? "OTHER" : slot;
	}

	private static Long parseLong(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
