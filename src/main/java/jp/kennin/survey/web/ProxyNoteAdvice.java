package jp.kennin.survey.web;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.internal.ProxyAnswering;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Tells the member on their survey pages (task list, receipt) that the insurer's staff
 * entered and submitted the form for them (代行入力), and through which channel. An advice
 * rather than code in the member's controller, so the note reaches every page of the form
 * without each handler asking.
 */
@ControllerAdvice(assignableTypes = SurveyFormController.class)
class ProxyNoteAdvice {

	private final ProxyAnswering proxy;

	ProxyNoteAdvice(ProxyAnswering proxy) {
		this.proxy = proxy;
	}

	@ModelAttribute("proxyChannel")
	ProxyChannel proxyChannel(Authentication auth, @PathVariable(required = false) Long formId,
			HttpServletRequest request) {
		// Only pages show the note; a save (an autosave every few seconds) has no use for
		// the query.
		if (formId == null || auth == null || !HttpMethod.GET.matches(request.getMethod())) {
			return null;
		}
		return proxy.enteredByStaff(MemberHousehold.of(auth), formId).orElse(null);
	}

}
