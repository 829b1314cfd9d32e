package jp.kennin.terms.web;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.platform.StaffActor;
import jp.kennin.terms.TermsVersion;
import jp.kennin.terms.internal.TermsManagement;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Terms of use versions for operators ({@link TermsManagement} admits only OPERATOR). A
 * published version is effective at once and never edited; the account module asks every
 * member to consent again at their next request.
 */
@Controller
class TermsAdminController {

	static final String VIEW_LIST = "terms/adminList";

	static final String VIEW_VERSION = "terms/adminVersion";

	static final String VIEW_FORM = "terms/adminForm";

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 50_000;

	private final TermsManagement terms;

	TermsAdminController(TermsManagement terms) {
		this.terms = terms;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId", "version");
	}

	@GetMapping("/admin/terms")
	String list(StaffActor actor, Model model) {
		model.addAttribute("versions", terms.versions(actor));
		return VIEW_LIST;
	}

	@GetMapping("/admin/terms/{version:\\d+}")
	String show(@PathVariable int version, StaffActor actor, Model model) {
		model.addAttribute("terms",
				terms.find(actor, version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("current", terms.current(actor).version() == version);
		return VIEW_VERSION;
	}

	/**
	 * Starts from the current text, since a new version is nearly always an amendment of
	 * it.
	 */
	@GetMapping("/admin/terms/new")
	String initTermsForm(StaffActor actor, Model model) {
		TermsVersion current = terms.current(actor);
		TermsForm form = new TermsForm();
		form.setTitle(current.title());
		form.setBody(current.body());
		model.addAttribute("termsForm", form);
		model.addAttribute("currentVersion", current.version());
		return VIEW_FORM;
	}

	@PostMapping("/admin/terms/new")
	String processTermsForm(@ModelAttribute("termsForm") TermsForm form, BindingResult result, StaffActor actor,
			Model model, RedirectAttributes redirect) {
		String title = form.getTitle().strip();
		String body = form.getBody().strip();
		if (title.isEmpty()) {
			result.rejectValue("title", "terms.admin.title.required");
		}
		else if (title.length() > TITLE_MAX) {
			result.rejectValue("title", "terms.admin.title.tooLong", new Object[] { TITLE_MAX }, null);
		}
		else if (NoControlCharacters.Check.found(title, false)) {
			result.rejectValue("title", "terms.admin.title.controlCharacters");
		}
		if (body.isEmpty()) {
			result.rejectValue("body", "terms.admin.body.required");
		}
		else if (body.length() > BODY_MAX) {
			result.rejectValue("body", "terms.admin.body.tooLong", new Object[] { BODY_MAX }, null);
		}
		else if (NoControlCharacters.Check.found(body, true)) {
			result.rejectValue("body", "terms.admin.body.controlCharacters");
		}
		if (!form.isConfirm()) {
			result.rejectValue("confirm", "terms.admin.confirm.required");
		}
		if (result.hasErrors()) {
			model.addAttribute("currentVersion", terms.current(actor).version());
			return VIEW_FORM;
		}
		TermsVersion published = terms.publish(actor, title, body);
		redirect.addFlashAttribute("published", published.version());
		return "redirect:/admin/terms";
	}

	/**
	 * The title and body of a new version, and the operator's tick that members must
	 * consent again.
	 */
	public static class TermsForm {

		private String title = "";

		private String body = "";

		private boolean confirm;

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title == null ? "" : title;
		}

		public String getBody() {
			return body;
		}

		public void setBody(String body) {
			this.body = body == null ? "" : body;
		}

		public boolean isConfirm() {
			return confirm;
		}

		public void setConfirm(boolean confirm) {
			this.confirm = confirm;
		}

	}

}
