package jp.kennin.platform;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last net under text the database cannot store. PostgreSQL refuses U+0000 in any
 * text value (SQLState 22021) and a handful of other byte sequences; forms check their
 * fields with {@link NoControlCharacters} and say so next to the field, but a field
 * forgotten there (or a search parameter) would otherwise end in a server error page with
 * a 500. This turns it into a 400 that says what was wrong: a character that cannot be
 * used, so the person can look at what they typed (or pasted) and try again. Nothing was
 * written: the failed statement rolled its transaction back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnstorableTextResolver implements HandlerExceptionResolver {

	/** The request attribute the error page reads to explain the 400. */
	static final String REASON = "kennin.error.reason";

	static final String CONTROL_CHARACTERS = "controlCharacters";

	/** PostgreSQL's character_not_in_repertoire. */
	private static final String NOT_IN_REPERTOIRE = "22021";

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!unstorableText(ex)) {
			return null;
		}
		try {
			request.setAttribute(REASON, CONTROL_CHARACTERS);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (IOException ignored) {
			return null;
		}
		return new ModelAndView();
	}

	static boolean unstorableText(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
