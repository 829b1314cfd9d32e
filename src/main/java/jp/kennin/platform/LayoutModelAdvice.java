package jp.kennin.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Facts every page's layout needs: whether this is the staff area (which logout to offer)
 * and the links that switch language while staying on the same page.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("staffArea")
	boolean staffArea(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/admin");
	}

	@ModelAttribute("langSwitch")
	LanguageLinks langSwitch(HttpServletRequest request) {
		// On an error page, switch language on the page that failed, not on /error.
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		if (path.isEmpty() || path.startsWith("/error")) {
			path = "/";
		}
		return new LanguageLinks(link(path, "ja"), link(path, "en"));
	}

	private static String link(String path, String lang) {
		return UriComponentsBuilder.fromPath(path).queryParam("lang", lang).build().encode().toUriString();
	}

	record LanguageLinks(String ja, String en) {
	}

}
