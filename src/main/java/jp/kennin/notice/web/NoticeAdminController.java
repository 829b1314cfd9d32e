package jp.kennin.notice.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.kennin.audit.AuditLog;
import jp.kennin.notice.Notice;
import jp.kennin.notice.Notices;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * 健康保険組合からのお知らせ ({@code /admin/notices}, TENANT_ADMIN, their tenant) and サイトからのお知らせ
 * ({@code /admin/site-notices}, OPERATOR). The URL decides the scope, the security chain the role.
 */
@Controller
class NoticeAdminController {

	static final String VIEW_LIST = "notice/notices";

	static final String VIEW_FORM = "notice/noticeForm";

	private final Notices notices;

	private final AuditLog audit;

	private final Clock clock;

	NoticeAdminController(Notices notices, AuditLog audit, Clock clock) {
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping({ "/admin/notices", "/admin/site-notices" })
	String list(Authentication auth, HttpServletRequest request, Model model) {
		model.addAttribute("notices", notices.all(scope(auth, request)));
		model.addAttribute("base", base(request));
		model.addAttribute("now", clock.instant());
		return VIEW_LIST;
	}

	@GetMapping({ "/admin/notices/new", "/admin/site-notices/new" })
	String initCreationForm(HttpServletRequest request, Model model) {
		NoticeForm form = new NoticeForm();
		form.setDate(JapanTime.today(clock).toString());
		model.addAttribute("noticeForm", form);
		model.addAttribute("base", base(request));
		return VIEW_FORM;
	}

	@PostMapping({ "/admin/notices/new", "/admin/site-notices/new" })
	String processCreationForm(@Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult result,
			Authentication auth, HttpServletRequest request, Model model) throws IOException {
		Long scope = scope(auth, request);
		Values v = validate(form, result);
		if (result.hasErrors()) {
			model.addAttribute("base", base(request));
			return VIEW_FORM;
		}
		long id = notices.create(scope, v.date(), form.getTitle(), form.getBody(), v.from(), v.until());
		saveAttachment(scope, id, form);
		record("NOTICE_CREATED", auth, scope, id, request);
		return "redirect:" + base(request) + "?saved";
	}

	@GetMapping({ "/admin/notices/{id}", "/admin/site-notices/{id}" })
	String initUpdateForm(@PathVariable long id, Authentication auth, HttpServletRequest request, Model model) {
		Notice n = find(auth, request, id);
		NoticeForm form = new NoticeForm();
		form.setDate(n.date().toString());
		form.setTitle(n.title());
		form.setBody(n.body());
		form.setPublishFrom(local(n.publishFrom()));
		form.setPublishUntil(local(n.publishUntil()));
		model.addAttribute("noticeForm", form);
		model.addAttribute("notice", n);
		model.addAttribute("base", base(request));
		return VIEW_FORM;
	}

	@PostMapping({ "/admin/notices/{id}", "/admin/site-notices/{id}" })
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("noticeForm") NoticeForm form,
			BindingResult result, Authentication auth, HttpServletRequest request, Model model) throws IOException {
		Notice n = find(auth, request, id);
		Long scope = n.tenantId();
		Values v = validate(form, result);
		if (result.hasErrors()) {
			model.addAttribute("notice", n);
			model.addAttribute("base", base(request));
			return VIEW_FORM;
		}
		notices.update(scope, id, v.date(), form.getTitle(), form.getBody(), v.from(), v.until());
		if (form.isRemoveAttachment()) {
			notices.removeAttachment(scope, id);
		}
		saveAttachment(scope, id, form);
		record("NOTICE_UPDATED", auth, scope, id, request);
		return "redirect:" + base(request) + "?saved";
	}

	@PostMapping({ "/admin/notices/{id}/delete", "/admin/site-notices/{id}/delete" })
	String delete(@PathVariable long id, Authentication auth, HttpServletRequest request) throws IOException {
		Notice n = find(auth, request, id);
		notices.delete(n.tenantId(), id);
		record("NOTICE_DELETED", auth, n.tenantId(), id, request);
		return "redirect:" + base(request) + "?deleted";
	}

	@GetMapping({ "/admin/notices/{id}/attachment", "/admin/site-notices/{id}/attachment" })
	void staffAttachment(@PathVariable long id, Authentication auth, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Notice n = find(auth, request, id);
		InputStream in = n.attachmentName() == null ? null : notices.openAttachment(n.tenantId(), id).orElse(null);
		if (in == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Downloads.send(response, n.attachmentName(), "application/pdf", true, in);
	}

	private record Values(LocalDate date, Instant from, Instant until) {
	}

	private Values validate(NoticeForm form, BindingResult result) throws IOException {
		LocalDate date = null;
		if (!result.hasFieldErrors("date")) {
			try {
				date = LocalDate.parse(form.getDate());
			}
			catch (DateTimeParseException ex) {
				result.rejectValue("date", "notice.form.date.format");
			}
		}
		Instant from = instant(form.getPublishFrom(), "publishFrom", result);
		Instant until = instant(form.getPublishUntil(), "publishUntil", result);
		if (from != null && until != null && !until.isAfter(from)) {
			result.rejectValue("publishUntil", "notice.form.until.beforeFrom");
		}
		MultipartFile file = form.getAttachment();
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > Downloads.MAX_PDF_BYTES) {
				result.rejectValue("attachment", "notice.form.attachment.tooLarge");
			}
			else {
				try (InputStream in = file.getInputStream()) {
					if (!Downloads.isPdf(in.readNBytes(8))) {
						result.rejectValue("attachment", "notice.form.attachment.notPdf");
					}
				}
			}
		}
		return new Values(date, from, until);
	}

	private void saveAttachment(Long scope, long id, NoticeForm form) throws IOException {
		MultipartFile file = form.getAttachment();
		if (file != null && !file.isEmpty()) {
			String name = file.getOriginalFilename() == null ? "attachment.pdf" : file.getOriginalFilename().replace('\\', '/');
			name = name.substring(name.lastIndexOf('/') + 1);
			try (InputStream in = file.getInputStream()) {
				notices.attach(scope, id, name.length() > 200 ? name.substring(0, 200) : name, file.getSize(), in);
			}
		}
	}

	private static Instant instant(String value, String field, BindingResult result) {
		if (value.isEmpty() || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value).atZone(JapanTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "notice.form.time.format");
			return null;
		}
	}

	private static String local(Instant instant) {
		return instant == null ? "" : JapanTime.of(instant).toLocalDateTime().withSecond(0).withNano(0).toString();
	}

	private Notice find(Authentication auth, HttpServletRequest request, long id) {
		return notices.find(scope(auth, request), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean site(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/admin/site-notices");
	}

	private static String base(HttpServletRequest request) {
		return site(request) ? "/admin/site-notices" : "/admin/notices";
	}

	/** Site notices for operators; otherwise the staff member's own tenant (the chain admits only TENANT_ADMIN). */
	private static Long scope(Authentication auth, HttpServletRequest request) {
		StaffActor actor = StaffActor.of(auth);
		if (site(request)) {
			return null;
		}
		if (actor.tenantId() == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return actor.tenantId();
	}

	private void record(String type, Authentication auth, Long scope, long id, HttpServletRequest request) {
		StaffActor actor = StaffActor.of(auth);
		audit.record(new AuditLog.Event(type, scope, "STAFF", actor.loginId(), actor.role(), "notice:" + id,
				request.getRemoteAddr(), Map.of("scope", scope == null ? "site" : "tenant")));
	}

}
