package jp.kennin.document.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentSettings;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A file beyond the server's multipart limit never reaches the controller: answer with the same size
 * message and the same redirect, instead of an error page.
 */
@ControllerAdvice
class UploadSizeAdvice {

	private final MessageSource messages;

	private final DocumentSettings settings;

	UploadSizeAdvice(MessageSource messages, DocumentSettings settings) {
		this.messages = messages;
		this.settings = settings;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	RedirectView tooLarge(HttpServletRequest request, Locale locale) {
		String slot = request.getParameter("slot");
		long max = MemberOwners.of(SecurityContextHolder.getContext().getAuthentication())
			.map(owner -> settings.maxFileBytes(owner.tenantId()))
			.orElse(DocumentSettings.DEFAULT_MAX_FILE_BYTES);
		String text = messages.getMessage(DocumentProblem.TOO_LARGE.messageKey(),
				new Object[] { max / (1024 * 1024) }, locale);
		Long subject = parseLong(request.getParameter("subject"));
		RequestContextUtils.getOutputFlashMap(request)
			.put("documentError", new UploadError(slot == null ? "OTHER" : slot, subject, text));
		return new RedirectView(MemberDocumentController.safeReturn(request.getParameter("returnTo")), true);
	}

	private static Long parseLong(String value) {
		try {
			return value == null ? null : Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
