package jp.kennin.tenant.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.PublicPaths;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.TenantPages.Kind;
import jp.kennin.tenant.Tenants;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
 * The insurer's システム操作マニュアル and よくあるご質問: edited by operators (Markdown, PDF attachments),
 * read by members at {@code /tenants/{code}/manual} and {@code /tenants/{code}/faq}.
 */
@Controller
class TenantPagesController {

	static final String VIEW_EDIT = "tenant/pageForm";

	static final String VIEW_PAGE = "tenant/page";

	private final Tenants tenants;

	private final TenantPages pages;

	private final AuditLog audit;

	TenantPagesController(Tenants tenants, TenantPages pages, AuditLog audit) {
		this.tenants = tenants;
		this.pages = pages;
		this.audit = audit;
	}

	@GetMapping("/admin/tenants/{id}/pages/{kind}")
	String initPageForm(@PathVariable long id, @PathVariable String kind, Model model) {
		Tenant tenant = tenant(id);
		Kind k = kind(kind);
		model.addAttribute("tenant", tenant);
		model.addAttribute("kind", k);
		model.addAttribute("body", pages.source(id, k));
		model.addAttribute("attachments", pages.attachments(id, k));
		return VIEW_EDIT;
	}

	@PostMapping("/admin/tenants/{id}/pages/{kind}")
	String processPageForm(@PathVariable long id, @PathVariable String kind, @RequestParam(defaultValue = "") String body,
			Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		tenant(id);
		Kind k = kind(kind);
		if (body.length() > 100_000) {
			model.addAttribute("bodyError", "tenant.page.bodyTooLong");
			return initPageFormWith(id, k, body, model);
		}
		pages.save(id, k, body);
		record("TENANT_PAGE_UPDATED", auth, id, request, Map.of("kind", k.name()));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/tenants/" + id + "/pages/" + kind;
	}

	@PostMapping("/admin/tenants/{id}/pages/{kind}/attachments")
	String attach(@PathVariable long id, @PathVariable String kind, @RequestParam(required = false) MultipartFile file,
			Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
		tenant(id);
		Kind k = kind(kind);
		String error = null;
		if (file == null || file.isEmpty()) {
			error = "tenant.page.file.required";
		}
		else if (file.getSize() > Downloads.MAX_PDF_BYTES) {
			error = "tenant.page.file.tooLarge";
		}
		else {
			try (InputStream in = file.getInputStream()) {
				if (!Downloads.isPdf(in.readNBytes(8))) {
					error = "tenant.page.file.notPdf";
				}
			}
		}
		if (error != null) {
			model.addAttribute("fileError", error);
			return initPageFormWith(id, k, pages.source(id, k), model);
		}
		try (InputStream in = file.getInputStream()) {
			var a = pages.attach(id, k, name(file.getOriginalFilename()), file.getSize(), in);
			record("TENANT_FILE_ADDED", auth, id, request, Map.of("file", a.fileName()));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/tenants/" + id + "/pages/" + kind;
	}

	@PostMapping("/admin/tenants/{id}/attachments/{fileId}/delete")
	String deleteAttachment(@PathVariable long id, @PathVariable long fileId, Authentication auth,
			HttpServletRequest request) throws IOException {
		tenant(id);
		var a = pages.attachment(id, fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		pages.delete(id, fileId);
		record("TENANT_FILE_DELETED", auth, id, request, Map.of("file", a.fileName()));
		return "redirect:/admin/tenants/" + id + "/pages/" + a.kind().name().toLowerCase(Locale.ROOT);
	}

	@GetMapping({ "/tenants/{code}/manual", "/tenants/{code}/faq" })
	String show(@PathVariable String code, HttpServletRequest request, Model model) {
		Tenant tenant = tenants.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Kind k = request.getRequestURI().endsWith("/faq") ? Kind.FAQ : Kind.MANUAL;
		request.setAttribute(jp.kennin.platform.TenantScopedPrincipal.TENANT_CODE_ATTRIBUTE, tenant.code());
		model.addAttribute("tenant", tenant);
		model.addAttribute("kind", k);
		model.addAttribute("html", pages.html(tenant.id(), k));
		model.addAttribute("attachments", pages.attachments(tenant.id(), k));
		return VIEW_PAGE;
	}

	@GetMapping("/tenants/{code}/files/{fileId}")
	void download(@PathVariable String code, @PathVariable long fileId, HttpServletResponse response) throws IOException {
		Tenant tenant = tenants.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var a = pages.attachment(tenant.id(), fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		InputStream in = pages.open(tenant.id(), fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Downloads.send(response, a.fileName(), "application/pdf", true, in);
	}

	private String initPageFormWith(long id, Kind k, String body, Model model) {
		model.addAttribute("tenant", tenant(id));
		model.addAttribute("kind", k);
		model.addAttribute("body", body);
		model.addAttribute("attachments", pages.attachments(id, k));
		return VIEW_EDIT;
	}

	private Tenant tenant(long id) {
		return tenants.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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

	private void record(String type, Authentication auth, long tenantId, HttpServletRequest request,
			Map<String, String> details) {
		StaffActor actor = StaffActor.of(auth);
		audit.record(new AuditLog.Event(type, tenantId, "STAFF", actor.loginId(), actor.role(), "tenant:" + tenantId,
				request.getRemoteAddr(), details));
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths tenantPagesPublicPaths() {
			return PublicPaths.of("/tenants/*/manual", "/tenants/*/faq", "/tenants/*/files/*");
		}

	}

}
