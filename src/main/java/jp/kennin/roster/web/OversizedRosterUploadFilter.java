package jp.kennin.roster.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletMapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.platform.StaffActor;
import jp.kennin.platform.UploadLimits;
import jp.kennin.roster.internal.RosterProperties;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Runs before Spring Security on requests Tomcat mapped to the roster upload servlet (so
 * with the roster's multipart limit, see {@link RosterUploadServletConfiguration}), as
 * {@code OversizedUploadFilter} does for documents: a file over
 * {@code kennin.roster.max-upload-size} would otherwise make the CSRF filter fail while
 * it reads {@code _csrf}, which ends on the error page. Here the upload form comes back
 * instead, with the size message next to the file field and the chosen mode kept. Nothing
 * is stored, so answering before the CSRF check is harmless.
 * <p>
 * Only a tenant administrator's upload is parsed at all: parsing writes the file to disk,
 * and the limit here is far above the one of every other URL, so nobody else may make the
 * server do that.
 */
@Component
class OversizedRosterUploadFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(OversizedRosterUploadFilter.class);

	private final RosterProperties properties;

	OversizedRosterUploadFilter(RosterProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return -105; // after Spring Session (the flash attributes live in the session),
						// before Spring Security (-100)
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		HttpServletMapping mapping = request.getHttpServletMapping();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || mapping == null
				|| !RosterUploadServletConfiguration.SERVLET_NAME.equals(mapping.getServletName());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean tenantAdmin = StaffActor.ofSession(request).map(StaffActor::tenantAdmin).orElse(false);
		if (!tenantAdmin) {
			RefusedUploadBody.discard(request.getInputStream(), properties.maxRequestBytes());
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (request.getContentLengthLong() > properties.maxRequestBytes()) {
			// Too large as announced: refused before Tomcat stores any of it; the mode is
			// read by hand.
			byte[] head = RefusedUploadBody.head(request.getInputStream());
			RefusedUploadBody.discard(request.getInputStream(), properties.maxRequestBytes());
			backToTheForm(request, response, RefusedUploadBody.mode(head));
			return;
		}
		try {
			request.getParts();
		}
		catch (IllegalStateException | ServletException | IOException ex) {
			if (!UploadLimits.exceeded(ex)) {
				throw ex;
			}
			// The file alone is over the limit (or the length was not announced). Tomcat
			// read the form, so the
			// mode is gone with it, and closed the body: with an announced length at most
			// the form overhead is
			// left unread, little enough for the browser to have sent it before the
			// answer comes.
			backToTheForm(request, response, null);
			return;
		}
		chain.doFilter(request, response);
	}

	private void backToTheForm(HttpServletRequest request, HttpServletResponse response, String mode)
			throws IOException {
		log.info("Roster upload of {} bytes refused: over kennin.roster.max-upload-size ({})",
				request.getContentLengthLong(), properties.maxUploadText());
		FlashMap flash = new FlashMap();
		flash.put(RosterImportController.FLASH_TOO_LARGE, Boolean.TRUE);
		if (mode != null) {
			flash.put(RosterImportController.FLASH_MODE, mode);
		}
		flash.setTargetRequestPath(RosterImportController.LIST_PATH);
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + RosterImportController.LIST_PATH);
	}

}
