package jp.kennin.notice.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.kennin.notice.Notice;
import jp.kennin.notice.internal.NoticeManagement;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * 健康保険組合からのお知らせ ({@code /admin/notices}, their tenant) and サイトからのお知らせ
 * ({@code /admin/site-notices}). The URL decides the scope, {@link NoticeManagement} the
 * role.
 */
@Controller
class NoticeAdminController {

	static final String VIEW_LIST = "notice/notices";

	static final String VIEW_FORM = "notice/noticeForm";

	private final NoticeManagement notices;

	private final Clock clock;

	NoticeAdminController(NoticeManagement notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping({ "/admin/notices", "/admin/site-notices" })
	String list(StaffActor actor, HttpServletRequest request, Model model) {
		model.addAttribute("notices", notices.list(actor, site(request)));
		model.addAttribute("base", base(request));
		model.addAttribute("now", clock.instant());
		return VIEW_LIST;
	}

	@GetMapping({ "/admin/notices/new", "/admin/site-notices/new" })
	String initCreationForm(StaffActor actor, HttpServletRequest request, Model model) {
		notices.checkEditor(actor, site(request));
		NoticeForm form = new NoticeForm();
		form.setDate(JapanTime.today(clock).toString());
		model.addAttribute("noticeForm", form);
		model.addAttribute("base", base(request));
		return VIEW_FORM;
	}

	@PostMapping({ "/admin/notices/new", "/admin/site-notices/new" })
	String processCreationForm(@Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult result,
			StaffActor actor, HttpServletRequest request, Model model) throws IOException {
		notices.checkEditor(actor, site(request));
		Values v = validate(form, result);
		if (result.hasErrors()) {
			model.addAttribute("base", base(request));
			return VIEW_FORM;
		}
		notices.create(actor, site(request), draft(form, v), upload(form));
		return "redirect:" + base(request) + "?saved";
	}

	@GetMapping({ "/admin/notices/{id}", "/admin/site-notices/{id}" })
	String initUpdateForm(@PathVariable long id, StaffActor actor, HttpServletRequest request, Model model) {
		Notice n = find(actor, request, id);
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
			BindingResult result, StaffActor actor, HttpServletRequest request, Model model) throws IOException {
		Notice n = find(actor, request, id);
		Values v = validate(form, result);
		if (result.hasErrors()) {
			model.addAttribute("notice", n);
			model.addAttribute("base", base(request));
			return VIEW_FORM;
		}
		if (!notices.update(actor, site(request), id, draft(form, v), form.isRemoveAttachment(), upload(form))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + base(request) + "?saved";
	}

	@PostMapping({ "/admin/notices/{id}/delete", "/admin/site-notices/{id}/delete" })
	String delete(@PathVariable long id, StaffActor actor, HttpServletRequest request) throws IOException {
		if (!notices.delete(actor, site(request), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + base(request) + "?deleted";
	}

	@GetMapping({ "/admin/notices/{id}/attachment", "/admin/site-notices/{id}/attachment" })
	void staffAttachment(@PathVariable long id, StaffActor actor, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Notice n = find(actor, request, id);
		InputStream in = n.attachmentName() == null ? null
				: notices.openAttachment(actor, site(request), id).orElse(null);
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

	private static NoticeManagement.Draft draft(NoticeForm form, Values v) {
		return new NoticeManagement.Draft(v.date(), form.getTitle(), form.getBody(), v.from(), v.until());
	}

	private static NoticeManagement.Upload upload(NoticeForm form) {
		MultipartFile file = form.getAttachment();
		return file == null || file.isEmpty() ? null
				: NoticeManagement.Upload.of(file.getOriginalFilename(), file.getSize(), file);
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

	private Notice find(StaffActor actor, HttpServletRequest request, long id) {
		return notices.find(actor, site(request), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean site(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/admin/site-notices");
	}

	private static String base(HttpServletRequest request) {
		return site(request) ? "/admin/site-notices" : "/admin/notices";
	}

}
