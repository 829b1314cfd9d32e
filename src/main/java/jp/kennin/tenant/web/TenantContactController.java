package jp.kennin.tenant.web;

import jakarta.validation.Valid;

import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantContacts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * お問い合わせ窓口と記号・番号の案内 (TENANT_ADMIN, own insurer): what members see to reach the insurer.
 * Operators set the same in the insurer's settings form at /admin/tenants/{id}. Who may
 * save is {@link TenantContacts}' rule.
 */
@Controller
class TenantContactController {

	static final String VIEW_FORM = "tenant/contactForm";

	private final TenantContacts contacts;

	TenantContactController(TenantContacts contacts) {
		this.contacts = contacts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/admin/member-contact")
	String initUpdateForm(StaffActor actor, Model model) {
		Tenant tenant = own(actor);
		model.addAttribute("tenant", tenant);
		TenantContactForm form = TenantContactForm.of(tenant);
		form.setMailsPerMinute(String.valueOf(contacts.mailsPerMinute(actor, tenant.id())));
		model.addAttribute("tenantContactForm", form);
		return VIEW_FORM;
	}

	@PostMapping("/admin/member-contact")
	String processUpdateForm(@Valid @ModelAttribute("tenantContactForm") TenantContactForm form, BindingResult result,
			StaffActor actor, Model model) {
		Tenant tenant = own(actor);
		if (result.hasErrors()) {
			model.addAttribute("tenant", tenant);
			return VIEW_FORM;
		}
		contacts.update(actor, tenant.id(), form.desk(), form.getMemberNumberGuidance(), form.mailsPerMinuteValue());
		return "redirect:/admin/member-contact?saved";
	}

	/**
	 * The staff member's own insurer; operators have none here and use the insurer form
	 * instead.
	 */
	private Tenant own(StaffActor actor) {
		return contacts.own(actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
