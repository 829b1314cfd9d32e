package jp.kennin.tenant.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantContacts;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.Tenants;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
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
 * お問い合わせ窓口と記号・番号の案内 (TENANT_ADMIN, own insurer): what members see to reach the insurer. Operators set
 * the same in the insurer's settings form at /admin/tenants/{id}. Who may save is {@link TenantContacts}' rule.
 */
@Controller
class TenantContactController {

	static final String VIEW_FORM = "tenant/contactForm";

	private final Tenants tenants;

	private final TenantContacts contacts;

	TenantContactController(Tenants tenants, TenantContacts contacts) {
		this.tenants = tenants;
		this.contacts = contacts;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/admin/member-contact")
	String initUpdateForm(Authentication auth, Model model) {
		Tenant tenant = own(auth);
		model.addAttribute("tenant", tenant);
		model.addAttribute("tenantContactForm", TenantContactForm.of(tenant));
		return VIEW_FORM;
	}

	@PostMapping("/admin/member-contact")
	String processUpdateForm(@Valid @ModelAttribute("tenantContactForm") TenantContactForm form, BindingResult result,
			Authentication auth, HttpServletRequest request, Model model) {
		Tenant tenant = own(auth);
		if (result.hasErrors()) {
			model.addAttribute("tenant", tenant);
			return VIEW_FORM;
		}
		contacts.update(StaffActor.of(auth), tenant.id(), form.desk(), form.getMemberNumberGuidance(),
				request.getRemoteAddr());
		return "redirect:/admin/member-contact?saved";
	}

	/** The staff member's own insurer; operators have none here and use the insurer form instead. */
	private Tenant own(Authentication auth) {
		StaffActor actor = StaffActor.of(auth);
		if (actor.tenantId() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!TenantPages.mayEdit(actor, actor.tenantId())) {
			throw new AccessDeniedException("may not edit the contact settings of tenant " + actor.tenantId());
		}
		return tenants.findById(actor.tenantId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
