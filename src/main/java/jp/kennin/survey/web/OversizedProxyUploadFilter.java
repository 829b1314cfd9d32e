package jp.kennin.survey.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentSettings;
import jp.kennin.platform.StaffActor;
import jp.kennin.platform.UploadLimits;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A scan over the server's multipart limit in staff proxy input would make the CSRF
 * filter fail while it reads the token (an error page); as the member's
 * {@code OversizedUploadFilter} does, this answers it like any refused upload: back to
 * the dependent's proxy page with the size message. Only a staff login's upload is
 * parsed; nothing is stored, so answering before the CSRF check is harmless.
 */
@Component
class OversizedProxyUploadFilter extends OncePerRequestFilter implements Ordered {

	private static final Pattern PATH = Pattern.compile("/admin/proxy/(\\d{1,18})/d/(\\d{1,18})/documents");

	private final MessageSource messages;

	private final DocumentSettings settings;

	private final LocaleResolver locales;

	OversizedProxyUploadFilter(MessageSource messages, DocumentSettings settings, LocaleResolver locales) {
		this.locales = locales;
		this.messages = messages;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return -105; // after Spring Session (the flash attributes live in the session),
						// before Spring Security (-100)
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !PATH.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var staff = StaffActor.ofSession(request);
		if (staff.isEmpty()) {
			chain.doFilter(request, response); // Spring Security answers
			return;
		}
		try {
			request.getParts();
		}
		catch (IllegalStateException | ServletException | IOException ex) {
			if (!UploadLimits.exceeded(ex)) {
				throw ex;
			}
			Matcher m = PATH.matcher(path(request));
			m.matches();
			String target = "/admin/proxy/" + m.group(1) + "/d/" + m.group(2);
			long max = staff.get().tenantId() == null ? DocumentSettings.DEFAULT_MAX_FILE_BYTES
					: settings.maxFileBytes(staff.get().tenantId());
			// Before the DispatcherServlet: the application's resolver (language cookie,
			// else Japanese).
			Locale locale = locales.resolveLocale(request);
			FlashMap flash = new FlashMap();
			flash.put("uploadError", messages.getMessage(DocumentProblem.TOO_LARGE.messageKey(),
					new Object[] { max / (1024 * 1024) }, locale));
			flash.setTargetRequestPath(target);
			new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
			response.sendRedirect(request.getContextPath() + target);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
