package jp.kennin.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Replaces Tomcat's bare error report for the requests Tomcat refuses before the
 * application sees them (an encoded slash, {@code /..;/}, a backslash, a NUL byte): a
 * plain Kennin page from the message bundle with the security headers and a request ID,
 * logged so the help desk can find it. Everything the application answers itself keeps
 * its own error page; this only fills responses left empty, including a 5xx whose own
 * error page failed as well (the last resort: it needs neither database nor session).
 */
class ErrorReportPage extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ErrorReportPage.class);

	private static final Locale LOCALE = Locale.JAPANESE;

	private final MessageSource messages;

	private final SecurityBaseline baseline;

	ErrorReportPage(MessageSource messages, SecurityBaseline baseline) {
		this.messages = messages;
		this.baseline = baseline;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String id ? id
				: RequestIdFilter.generate();
		if (status >= 500) {
			// The application's own error page failed too (e.g. the database is down).
			log.warn("[{}] {} answered by the last-resort error page (status {})", requestId, request.getMethod(),
					status);
		}
		else {
			log.info("[{}] {} refused before reaching the application (status {})", requestId, request.getMethod(),
					status);
		}
		try {
			baseline.writeHeaders(request, response);
			response.setHeader(RequestIdFilter.HEADER, requestId);
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page(status, requestId));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response was taken over: nothing left to tell.
		}
	}

	private String page(int status, String requestId) {
		String prefix = status == 400 || status == 403 || status == 404 ? "error." + status
				: status >= 500 ? "error.500" : "error.generic";
		return """
				<!DOCTYPE html>
				<html lang="ja">
				<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title><link rel="stylesheet" href="/css/kennin.css"></head>
				<body><main id="main" class="container site-main">
				<h1>%s</h1><p>%s</p><p>%s</p><p class="meta">%s</p><p><a href="/">%s</a></p>
				</main></body></html>
				""".formatted(text(prefix + ".title"), text(prefix + ".heading"), text(prefix + ".body"),
				text("error.contact"), text("error.requestId", requestId), text("error.backToTop"));
	}

	private String text(String key, Object... args) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, args, key, LOCALE));
	}

}
