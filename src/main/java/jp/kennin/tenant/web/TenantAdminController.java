package jp.kennin.tenant.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

/** 保険者の管理 (OPERATOR): create and edit insurers. The code is fixed once created. */
@Controller
class TenantAdminController {

	static final String VIEW_LIST = "tenant/tenants";

	static final String VIEW_FORM = "tenant/tenantForm";

	private final Tenants tenants;

	private final AuditLog audit;

	TenantAdminController(Tenants tenants, AuditLog audit) {
		this.tenants = tenants;
		this.audit = audit;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/admin/tenants")
	String list(Model model) {
		model.addAttribute("tenants", tenants.findAll());
		return VIEW_LIST;
	}

	@GetMapping("/admin/tenants/new")
	String initCreationForm(Model model) {
		model.addAttribute("tenantForm", new TenantForm());
		model.addAttribute("creating", true);
		return VIEW_FORM;
	}

	@PostMapping("/admin/tenants/new")
	String processCreationForm(@Valid @ModelAttribute("tenantForm") TenantForm form, BindingResult result,
			Authentication auth, HttpServletRequest request, Model model) {
		if (form.getCode().isEmpty()) {
			result.rejectValue("code", "tenant.form.code.required");
		}
		else if (!result.hasFieldErrors("code") && tenants.findByCode(form.getCode()).isPresent()) {
			result.rejectValue("code", "tenant.form.code.taken");
		}
		if (result.hasErrors()) {
			model.addAttribute("creating", true);
			return VIEW_FORM;
		}
		Tenant created = tenants.create(form.toNewTenant());
		record("TENANT_CREATED", auth, created, request);
		return "redirect:/admin/tenants/" + created.id() + "?saved";
	}

	@GetMapping("/admin/tenants/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		Tenant tenant = find(id);
		model.addAttribute("tenant", tenant);
		model.addAttribute("tenantForm", TenantForm.of(tenant));
		return VIEW_FORM;
	}

	@PostMapping("/admin/tenants/{id}")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("tenantForm") TenantForm form,
			BindingResult result, Authentication auth, HttpServletRequest request, Model model) {
		Tenant tenant = find(id);
		// The code is immutable: whatever was posted, keep the stored one.
		form.setCode(tenant.code());
		if (result.hasErrors()) {
			model.addAttribute("tenant", tenant);
			return VIEW_FORM;
		}
		Tenant updated = tenants.update(id, form.toNewTenant());
		record("TENANT_UPDATED", auth, updated, request);
		return "redirect:/admin/tenants/" + id + "?saved";
	}

	private Tenant find(long id) {
		return tenants.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void record(String type, Authentication auth, Tenant tenant, HttpServletRequest request) {
		StaffActor actor = StaffActor.of(auth);
		audit.record(new AuditLog.Event(type, tenant.id(), "STAFF", actor.loginId(), actor.role(), "tenant:" + tenant.id(),
				request.getRemoteAddr(), Map.of("code", tenant.code())));
	}

}
