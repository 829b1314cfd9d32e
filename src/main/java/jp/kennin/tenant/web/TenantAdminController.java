package jp.kennin.tenant.web;

import jakarta.validation.Valid;

import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.internal.TenantManagement;

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

/**
 * 保険者の管理 (OPERATOR): create and edit insurers; the rules are {@link TenantManagement}'s.
 */
@Controller
class TenantAdminController {

	static final String VIEW_LIST = "tenant/tenants";

	static final String VIEW_FORM = "tenant/tenantForm";

	private final TenantManagement management;

	TenantAdminController(TenantManagement management) {
		this.management = management;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/admin/tenants")
	String list(StaffActor actor, Model model) {
		model.addAttribute("tenants", management.list(actor));
		return VIEW_LIST;
	}

	@GetMapping("/admin/tenants/new")
	String initCreationForm(StaffActor actor, Model model) {
		management.checkManager(actor);
		model.addAttribute("tenantForm", new TenantForm());
		model.addAttribute("creating", true);
		return VIEW_FORM;
	}

	@PostMapping("/admin/tenants/new")
	String processCreationForm(@Valid @ModelAttribute("tenantForm") TenantForm form, BindingResult result,
			StaffActor actor, Model model) {
		management.checkManager(actor);
		if (form.getCode().isEmpty()) {
			result.rejectValue("code", "tenant.form.code.required");
		}
		if (!result.hasErrors()) {
			try {
				Tenant created = management.create(actor, form.toNewTenant());
				return "redirect:/admin/tenants/" + created.id() + "?saved";
			}
			catch (TenantManagement.CodeTaken ex) {
				result.rejectValue("code", "tenant.form.code.taken");
			}
		}
		model.addAttribute("creating", true);
		return VIEW_FORM;
	}

	@GetMapping("/admin/tenants/{id}")
	String initUpdateForm(@PathVariable long id, StaffActor actor, Model model) {
		Tenant tenant = find(actor, id);
		model.addAttribute("tenant", tenant);
		model.addAttribute("tenantForm", TenantForm.of(tenant));
		return VIEW_FORM;
	}

	@PostMapping("/admin/tenants/{id}")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("tenantForm") TenantForm form,
			BindingResult result, StaffActor actor, Model model) {
		Tenant tenant = find(actor, id);
		// The code is immutable: whatever was posted, keep the stored one.
		form.setCode(tenant.code());
		if (result.hasErrors()) {
			model.addAttribute("tenant", tenant);
			return VIEW_FORM;
		}
		management.update(actor, id, form.toNewTenant());
		return "redirect:/admin/tenants/" + id + "?saved";
	}

	private Tenant find(StaffActor actor, long id) {
		return management.find(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
