package jp.kennin.staff.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffDirectory;
import jp.kennin.staff.internal.StaffDirectory.StaffMember;
import jp.kennin.staff.internal.StaffManagement;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 職員の管理 pages; the rules are {@link StaffManagement}'s. New accounts and resets get a random password
 * shown once; the authenticator is set up at the next login.
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
	String list(Authentication auth, Model model) {
		model.addAttribute("staff", directory.list(StaffActor.of(auth).tenantId()));
		model.addAttribute("tenantNames", tenantNames());
		return VIEW_LIST;
	}

	@GetMapping("/admin/staff/new")
	String initCreationForm(Authentication auth, Model model) {
		model.addAttribute("staffForm", new StaffForm());
		return showForm(auth, model);
	}

	@PostMapping("/admin/staff/new")
	String processCreationForm(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result,
			Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		StaffRole role = role(form.getRole());
		if (!result.hasFieldErrors("role") && (role == null || !StaffManagement.creatableRoles(actor).contains(role))) {
			result.rejectValue("role", "staff.form.role.required");
		}
		Long tenantId = actor.operator() ? form.getTenant() : actor.tenantId();
		if (role != null && role != StaffRole.OPERATOR && (tenantId == null || tenants.findById(tenantId).isEmpty())) {
			result.rejectValue("tenant", "staff.form.tenant.required");
		}
		if (!result.hasFieldErrors("loginId") && accounts.exists(form.getLoginId())) {
			result.rejectValue("loginId", "staff.form.loginId.taken");
		}
		if (result.hasErrors()) {
			return showForm(auth, model);
		}
		var created = management.create(actor, form.getLoginId(), form.getDisplayName(), role, tenantId,
				request.getRemoteAddr());
		redirect.addFlashAttribute("newPassword", created.password());
		return "redirect:/admin/staff/" + created.id();
	}

	@GetMapping("/admin/staff/{id}")
	String show(@PathVariable long id, Authentication auth, Model model) {
		StaffActor actor = StaffActor.of(auth);
		StaffMember member = management.visible(actor, id);
		model.addAttribute("member", member);
		model.addAttribute("manageable", management.mayManage(actor, member));
		model.addAttribute("assignableRoles", management.assignableRoles(actor, member));
		model.addAttribute("tenantNames", tenantNames());
		return VIEW_DETAIL;
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@PathVariable long id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
		management.disable(StaffActor.of(auth), id, request.getRemoteAddr());
		redirect.addFlashAttribute("done", "staff.detail.disabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@PathVariable long id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
		management.enable(StaffActor.of(auth), id, request.getRemoteAddr());
		redirect.addFlashAttribute("done", "staff.detail.enabled");
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/reset")
	String reset(@PathVariable long id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newPassword", management.reset(StaffActor.of(auth), id, request.getRemoteAddr()));
		return "redirect:/admin/staff/" + id;
	}

	@PostMapping("/admin/staff/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(defaultValue = "") String role, Authentication auth,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		StaffMember member = management.visible(actor, id);
		StaffRole chosen = role(role);
		if (chosen == null || !management.assignableRoles(actor, member).contains(chosen)) {
			model.addAttribute("roleError", "staff.detail.role.required");
			return show(id, auth, model);
		}
		management.changeRole(actor, id, chosen, request.getRemoteAddr());
		redirect.addFlashAttribute("done", "staff.detail.roleChanged");
		return "redirect:/admin/staff/" + id;
	}

	@GetMapping("/admin/staff/{id}/remove")
	String initRemoveForm(@PathVariable long id, Authentication auth, Model model) {
		StaffActor actor = StaffActor.of(auth);
		StaffMember member = management.visible(actor, id);
		if (!management.mayManage(actor, member)) {
			return "redirect:/admin/staff/" + id;
		}
		model.addAttribute("member", member);
		return VIEW_REMOVE;
	}

	@PostMapping("/admin/staff/{id}/remove")
	String remove(@PathVariable long id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		String loginId = management.visible(actor, id).loginId();
		management.remove(actor, id, request.getRemoteAddr());
		redirect.addFlashAttribute("removed", loginId);
		return "redirect:/admin/staff";
	}

	private String showForm(Authentication auth, Model model) {
		StaffActor actor = StaffActor.of(auth);
		model.addAttribute("roles", StaffManagement.creatableRoles(actor));
		model.addAttribute("tenants", actor.operator() ? tenants.findAll() : List.of());
		return VIEW_FORM;
	}

	private static StaffRole role(String name) {
		return Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
	}

	private Map<Long, String> tenantNames() {
		return tenants.findAll().stream().collect(Collectors.toMap(Tenant::id, Tenant::name));
	}

}
