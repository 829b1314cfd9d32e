package jp.kennin.staff.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffDirectory;
import jp.kennin.staff.internal.StaffDirectory.StaffMember;
import jp.kennin.staff.internal.StaffManagement;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 職員の管理 pages; the rules are {@link StaffManagement}'s. New accounts and resets get a
 * random password shown once; the authenticator is set up at the next login.
 */
@Controller
class StaffManagementController {

	static final String VIEW_LIST = "staff/staffList";

	static final String VIEW_FORM = "staff/staffForm";

	static final String VIEW_DETAIL = "staff/staffDetail";

	static final String VIEW_REMOVE = "staff/staffRemove";

	private final StaffAccounts accounts;

	private final StaffDirectory directory;

	private final StaffManagement management;

	private final Tenants tenants;

	StaffManagementController(StaffAccounts accounts, StaffDirectory directory, StaffManagement management,
			Tenants tenants) {
		this.accounts = accounts;
		this.directory = directory;
		this.management = management;
		this.tenants = tenants;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping("/admin/staff")
	String list(StaffActor actor, Model model) {
		model.addAttribute("staff", directory.list(actor.tenantId()));
		model.addAttribute("tenantNames", tenantNames());
		return VIEW_LIST;
	}

	@GetMapping("/admin/staff/new")
	String initCreationForm(StaffActor actor, Model model) {
		model.addAttribute("staffForm", new StaffForm());
		return showForm(actor, model);
	}

	@PostMapping("/admin/staff/new")
	String processCreationForm(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result,
			StaffActor actor, Model model, RedirectAttributes redirect) {
		StaffRole role = role(form.getRole());
		if (!result.hasFieldErrors("role") && (role == null || !StaffManagement.creatableRoles(actor).contains(role))) {
			result.rejectValue("role", "staff.form.role.required");
		}
		Long tenantId = StaffManagement.newAccountTenant(actor, form.getTenant());
		if (role != null && role != StaffRole.OPERATOR && (tenantId == null || tenants.findById(tenantId).isEmpty())) {
			result.rejectValue("tenant", "staff.form.tenant.required");
		}
		if (!result.hasFieldErrors("loginId") && accounts.exists(form.getLoginId())) {
			result.rejectValue("loginId", "staff.form.loginId.taken");
		}
		if (role == StaffRole.OFFICE_CONTACT) {
			rejectOffices(result, management.unknownOffices(actor, form.getOffices()));
		}
		if (result.hasErrors()) {
			return showForm(actor, model);
		}
		var created = management.create(actor, form.getLoginId(), form.getDisplayName(), role, tenantId,
				role == StaffRole.OFFICE_CONTACT ? form.getOffices() : List.of(), actor.ip());
		redirect.addFlashAttribute("newPassword", created.password());
		return "redirect:/admin/staff/" + created.id();
	}

	@GetMapping("/admin/staff/{id}")
	String show(@PathVariable long id, StaffActor actor, Model model) {
		StaffMember member = management.visible(actor, id);
		model.addAttribute("member", member);
		model.addAttribute("manageable", management.mayManage(actor, member));
		model.addAttribute("assignableRoles", management.assignableRoles(actor, member));
		model.addAttribute("tenantNames", tenantNames());
		Map<String, String> offices = management.officesOf(actor, member);
		model.addAttribute("memberOffices", offices);
		boolean changeOffices = management.mayChangeOffices(actor, member);
		model.addAttribute("mayChangeOffices", changeOffices);
		model.addAttribute("choosableOffices", changeOffices ? management.choosableOffices(actor) : Map.of());
		if (!model.containsAttribute("chosenOffices")) {
			model.addAttribute("chosenOffices", offices.keySet());
		}
		return VIEW_DETAIL;
	}

	@PostMapping("/admin/staff/{id}/offices")
	String changeOffices(@PathVariable long id, @RequestParam(name = "offices", required = false) List<String> offices,
			StaffActor actor, Model model, RedirectAttributes redirect) {
		StaffMember member = management.visible(actor, id);
		List<String> chosen = offices == null ? List.of() : offices;
		List<String> unknown = management.mayChangeOffices(actor, member) ? management.unknownOffices(actor, chosen)
				: List.of();
		if (unknown == null || !unknown.isEmpty()) {
			model.addAttribute("officesError",
					unknown == null ? "staff.form.offices.required" : "staff.form.offices.unknown");
			model.addAttribute("officesErrorCodes", unknown == null ? "" : String.join("、", unknown));
			model.addAttribute("chosenOffices", chosen);
			return show(id, actor, model);
		}
		management.changeOffices(actor, id, chosen, actor.ip());
		redirect.addFlashAttribute("done", "staff.detail.officesChanged");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		management.disable(actor, id, actor.ip());
		redirect.addFlashAttribute("done", "staff.detail.disabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		management.enable(actor, id, actor.ip());
		redirect.addFlashAttribute("done", "staff.detail.enabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/reset")
	String reset(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newPassword", management.reset(actor, id, actor.ip()));
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(defaultValue = "") String role, StaffActor actor,
			Model model, RedirectAttributes redirect) {
		StaffMember member = management.visible(actor, id);
		StaffRole chosen = role(role);
		if (chosen == null || !management.assignableRoles(actor, member).contains(chosen)) {
			model.addAttribute("roleError", "staff.detail.role.required");
			return show(id, actor, model);
		}
		management.changeRole(actor, id, chosen, actor.ip());
		redirect.addFlashAttribute("done", "staff.detail.roleChanged");
		return "redirect:/admin/staff/" + id;
	}

	@GetMapping("/admin/staff/{id}/remove")
	String initRemoveForm(@PathVariable long id, StaffActor actor, Model model) {
		StaffMember member = management.visible(actor, id);
		if (!management.mayManage(actor, member)) {
			return "redirect:/admin/staff/" + id;
		}
		model.addAttribute("member", member);
		return VIEW_REMOVE;
	}

	@PostMapping("/admin/staff/{id}/remove")
	String remove(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		String loginId = management.visible(actor, id).loginId();
		management.remove(actor, id, actor.ip());
		redirect.addFlashAttribute("removed", loginId);
		return "redirect:/admin/staff";
	}

	private static void rejectOffices(BindingResult result, List<String> unknown) {
		if (unknown == null) {
			result.rejectValue("offices", "staff.form.offices.required");
		}
		else if (!unknown.isEmpty()) {
			result.rejectValue("offices", "staff.form.offices.unknown", new Object[] { String.join("、", unknown) },
					null);
		}
	}

	private String showForm(StaffActor actor, Model model) {
		model.addAttribute("choosableOffices", management.choosableOffices(actor));
		model.addAttribute("roles", StaffManagement.creatableRoles(actor));
		model.addAttribute("tenants", StaffManagement.choosesTenant(actor) ? tenants.findAll() : List.of());
		return VIEW_FORM;
	}

	private static StaffRole role(String name) {
		return Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
	}

	private Map<Long, String> tenantNames() {
		return tenants.findAll().stream().collect(Collectors.toMap(Tenant::id, Tenant::name));
	}

}
