package jp.kennin.staff.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffDirectory;
import jp.kennin.staff.internal.StaffDirectory.StaffMember;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 職員の管理: operators manage every account, insurer admins the TENANT_ADMIN and REVIEWER accounts of
 * their own insurer. Accounts of another tenant do not exist for them (404). New accounts and resets get
 * a random password shown once; the authenticator is set up at the next login.
 */
@Controller
class StaffManagementController {

	static final String VIEW_LIST = "staff/staffList";

	static final String VIEW_FORM = "staff/staffForm";

	static final String VIEW_DETAIL = "staff/staffDetail";

	private final StaffAccounts accounts;

	private final StaffDirectory directory;

	private final Tenants tenants;

	private final AuditLog audit;

	StaffManagementController(StaffAccounts accounts, StaffDirectory directory, Tenants tenants, AuditLog audit) {
		this.accounts = accounts;
		this.directory = directory;
		this.tenants = tenants;
		this.audit = audit;
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
		StaffRole role = Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(form.getRole())).findFirst().orElse(null);
		if (!result.hasFieldErrors("role") && (role == null || !allowedRoles(actor).contains(role))) {
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
		String password = StaffDirectory.newPassword();
		Long scope = role == StaffRole.OPERATOR ? null : tenantId;
		long id = accounts.create(form.getLoginId(), form.getDisplayName(), role, scope, password);
		record("STAFF_CREATED", actor, scope, id, request, Map.of("role", role.name(), "loginId", form.getLoginId()));
		redirect.addFlashAttribute("newPassword", password);
		return "redirect:/admin/staff/" + id;
	}

	@GetMapping("/admin/staff/{id}")
	String show(@PathVariable long id, Authentication auth, Model model) {
		model.addAttribute("member", visible(StaffActor.of(auth), id));
		model.addAttribute("tenantNames", tenantNames());
		return VIEW_DETAIL;
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@PathVariable long id, Authentication auth, HttpServletRequest request) {
		return setEnabled(id, false, auth, request);
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@PathVariable long id, Authentication auth, HttpServletRequest request) {
		return setEnabled(id, true, auth, request);
	}

	@PostMapping("/admin/staff/{id}/reset")
	String reset(@PathVariable long id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
		StaffActor actor = StaffActor.of(auth);
		StaffMember member = manageable(actor, id);
		redirect.addFlashAttribute("newPassword", directory.resetCredentials(member.id()));
		record("STAFF_CREDENTIALS_RESET", actor, member.tenantId(), id, request, Map.of());
		return "redirect:/admin/staff/" + id;
	}

	private String setEnabled(long id, boolean enabled, Authentication auth, HttpServletRequest request) {
		StaffActor actor = StaffActor.of(auth);
		StaffMember member = manageable(actor, id);
		directory.setEnabled(member.id(), enabled);
		record(enabled ? "STAFF_ENABLED" : "STAFF_DISABLED", actor, member.tenantId(), id, request, Map.of());
		return "redirect:/admin/staff/" + id;
	}

	private StaffMember visible(StaffActor actor, long id) {
		return directory.find(actor.operator() ? null : actor.tenantId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Visible, not the actor's own account, and of a role the actor may manage. */
	private StaffMember manageable(StaffActor actor, long id) {
		StaffMember member = visible(actor, id);
		if (member.loginId().equalsIgnoreCase(actor.loginId()) || !allowedRoles(actor).contains(member.role())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return member;
	}

	private String showForm(Authentication auth, Model model) {
		StaffActor actor = StaffActor.of(auth);
		model.addAttribute("roles", allowedRoles(actor));
		model.addAttribute("tenants", actor.operator() ? tenants.findAll() : List.of());
		return VIEW_FORM;
	}

	private static List<StaffRole> allowedRoles(StaffActor actor) {
		return actor.operator() ? List.of(StaffRole.values()) : List.of(StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
	}

	private Map<Long, String> tenantNames() {
		return tenants.findAll().stream().collect(java.util.stream.Collectors.toMap(Tenant::id, Tenant::name));
	}

	private void record(String type, StaffActor actor, Long tenantId, long id, HttpServletRequest request,
			Map<String, String> details) {
		audit.record(new AuditLog.Event(type, tenantId, "STAFF", actor.loginId(), actor.role(), "staff:" + id,
				request.getRemoteAddr(), details));
	}

}
