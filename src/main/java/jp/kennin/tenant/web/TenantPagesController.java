package jp.kennin.tenant.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.Downloads;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.platform.PublicPaths;
import jp.kennin.platform.StaffActor;
import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.TenantPages.Kind;
import jp.kennin.tenant.Tenants;
import jp.kennin.tenant.internal.TenantManagement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insurer's システム操作マニュアル and よくあるご質問: written by the insurer's TENANT_ADMINs at
 * {@code /admin/pages/{kind}} (their own insurer) and by operators at
 * {@code /admin/tenants/{id}/pages/{kind}} (Markdown, PDF attachments); read by members
 * and visitors at {@code /tenants/{code}/manual} and {@code /tenants/{code}/faq}. Who may
 * edit is {@link TenantPages}' rule.
 */
@Controller
class TenantPagesController {

	static final String VIEW_EDIT = "tenant/pageForm";

	static final String VIEW_PAGE = "tenant/page";

	static final int MAX_BODY = 100_000;

	private final Tenants tenants;

	private final TenantPages pages;

	private final TenantManagement management;

	TenantPagesController(Tenants tenants, TenantPages pages, TenantManagement management) {
		this.tenants = tenants;
		this.pages = pages;
		this.management = management;
	}

	/**
	 * Where the editing pages of one insurer live: the operator's URLs, or the insurer
	 * admin's own.
	 */
	record Editing(Tenant tenant, boolean byOperator) {

		public String page(Kind kind) {
			return base() + "/pages/" + kind.name().toLowerCase(Locale.ROOT);
		}

		public String upload(Kind kind) {
			return page(kind) + "/attachments";
		}

		public String delete(long fileId) {
			return (byOperator ? base() : "/admin/pages") + "/attachments/" + fileId + "/delete";
		}

		public String back() {
			return byOperator ? "/admin/tenants" : "/admin";
		}

		private String base() {
			return byOperator ? "/admin/tenants/" + tenant.id() : "/admin";
		}

	}

	@GetMapping({ "/admin/pages/{kind}", "/admin/tenants/{id}/pages/{kind}" })
	String initPageForm(@PathVariable(required = false) Long id, @PathVariable String kind, StaffActor actor,
			Model model) {
		Editing editing = editing(id, actor);
		Kind k = kind(kind);
		return form(editing, k, pages.source(editing.tenant().id(), k), model);
	}

	@PostMapping({ "/admin/pages/{kind}", "/admin/tenants/{id}/pages/{kind}" })
	String processPageForm(@PathVariable(required = false) Long id, @PathVariable String kind,
			@RequestParam(defaultValue = "") String body, StaffActor actor, Model model, RedirectAttributes redirect) {
		Editing editing = editing(id, actor);
		Kind k = kind(kind);
		if (body.length() > MAX_BODY) {
			model.addAttribute("bodyError", "tenant.page.bodyTooLong");
			return form(editing, k, body, model);
		}
		if (NoControlCharacters.Check.found(body, true)) {
			model.addAttribute("bodyError", "tenant.form.controlCharacters.multiline");
			return form(editing, k, body, model);
		}
		pages.save(actor, editing.tenant().id(), k, body, actor.ip());
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + editing.page(k);
	}

	@PostMapping({ "/admin/pages/{kind}/attachments", "/admin/tenants/{id}/pages/{kind}/attachments" })
	String attach(@PathVariable(required = false) Long id, @PathVariable String kind,
			@RequestParam(required = false) MultipartFile file, StaffActor actor, Model model,
			RedirectAttributes redirect) throws IOException {
		Editing editing = editing(id, actor);
		Kind k = kind(kind);
		String error = fileProblem(file);
		if (error != null) {
			model.addAttribute("fileError", error);
			return form(editing, k, pages.source(editing.tenant().id(), k), model);
		}
		try (InputStream in = file.getInputStream()) {
			pages.attach(actor, editing.tenant().id(), k, name(file.getOriginalFilename()), file.getSize(), in,
					actor.ip());
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + editing.page(k);
	}

	@PostMapping({ "/admin/pages/attachments/{fileId}/delete", "/admin/tenants/{id}/attachments/{fileId}/delete" })
	String deleteAttachment(@PathVariable(required = false) Long id, @PathVariable long fileId, StaffActor actor)
			throws IOException {
		Editing editing = editing(id, actor);
		var deleted = pages.delete(actor, editing.tenant().id(), fileId, actor.ip())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:" + editing.page(deleted.kind());
	}

	@GetMapping({ "/tenants/{code}/manual", "/tenants/{code}/faq" })
	String show(@PathVariable String code, HttpServletRequest request, Model model) {
		Tenant tenant = tenants.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Kind k = request.getRequestURI().endsWith("/faq") ? Kind.FAQ : Kind.MANUAL;
		request.setAttribute(TenantScopedPrincipal.TENANT_CODE_ATTRIBUTE, tenant.code());
		model.addAttribute("tenant", tenant);
		model.addAttribute("kind", k);
		model.addAttribute("html", pages.html(tenant.id(), k));
		model.addAttribute("attachments", pages.attachments(tenant.id(), k));
		model.addAttribute("written", pages.written(tenant.id()));
		return VIEW_PAGE;
	}

	@GetMapping("/tenants/{code}/files/{fileId}")
	void download(@PathVariable String code, @PathVariable long fileId, HttpServletResponse response)
			throws IOException {
		Tenant tenant = tenants.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var a = pages.attachment(tenant.id(), fileId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		InputStream in = pages.open(tenant.id(), fileId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Downloads.send(response, a.fileName(), "application/pdf", true, in);
	}

	private String form(Editing editing, Kind k, String body, Model model) {
		model.addAttribute("tenant", editing.tenant());
		model.addAttribute("kind", k);
		model.addAttribute("body", body);
		model.addAttribute("attachments", pages.attachments(editing.tenant().id(), k));
		model.addAttribute("editing", editing);
		return VIEW_EDIT;
	}

	/**
	 * The insurer whose pages are edited: the one in the URL for operators (only they use
	 * /admin/tenants/**), otherwise the staff member's own — if the module's rule lets
	 * them edit it.
	 */
	private Editing editing(Long id, StaffActor actor) {
		long tenantId;
		if (id != null) {
			management.checkManager(actor); // the insurer settings' URLs are the
											// operators'
			tenantId = id;
		}
		else if (actor.tenantId() != null) {
			tenantId = actor.tenantId();
		}
		else {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND); // operators edit
																		// through
																		// /admin/tenants/{id}
		}
		TenantPages.requireEditor(actor, tenantId);
		Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new Editing(tenant, id != null);
	}

	private static String fileProblem(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return "tenant.page.file.required";
		}
		if (file.getSize() > Downloads.MAX_PDF_BYTES) {
			return "tenant.page.file.tooLarge";
		}
		try (InputStream in = file.getInputStream()) {
			return Downloads.isPdf(in.readNBytes(8)) ? null : "tenant.page.file.notPdf";
		}
	}

	private static Kind kind(String kind) {
		return switch (kind) {
			case "manual" -> Kind.MANUAL;
			case "faq" -> Kind.FAQ;
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
	}

	private static String name(String original) {
		String n = original == null ? "file.pdf" : original.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1);
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths tenantPagesPublicPaths() {
			return PublicPaths.of("/tenants/*/manual", "/tenants/*/faq", "/tenants/*/files/*");
		}

	}

}
