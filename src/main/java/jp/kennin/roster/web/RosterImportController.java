package jp.kennin.roster.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.internal.ImportRecord;
import jp.kennin.roster.internal.ImportRecords;
import jp.kennin.roster.internal.PageImports;
import jp.kennin.roster.internal.RosterProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 名簿の取り込み (TENANT_ADMIN): upload, progress and preview, confirm, history. */
@Controller
class RosterImportController {

	static final String VIEW_IMPORTS = "roster/imports";

	static final String VIEW_IMPORT = "roster/import";

	static final String VIEW_FORMAT = "roster/import-format";

	/**
	 * The sample of docs/roster-sample.csv, copied into the jar (a test keeps the two the
	 * same).
	 */
	static final String SAMPLE = "roster/roster-sample.csv";

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	static final String LIST_PATH = "/admin/roster/imports";

	/**
	 * A URL of its own: it is served by a servlet with the roster's multipart limit
	 * (RosterUploadServletConfiguration).
	 */
	static final String UPLOAD_PATH = "/admin/roster/imports/upload";

	/**
	 * Flash attributes of a file refused for its size before it reached this controller.
	 */
	static final String FLASH_TOO_LARGE = "rosterUploadTooLarge";

	static final String FLASH_MODE = "rosterUploadMode";

	private final PageImports pageImports;

	private final ImportRecords records;

	private final RosterProperties properties;

	RosterImportController(PageImports pageImports, ImportRecords records, RosterProperties properties) {
		this.pageImports = pageImports;
		this.records = records;
		this.properties = properties;
	}

	static class UploadForm {

		private String mode = "";

		private MultipartFile file;

		public String getMode() {
			return mode;
		}

		public void setMode(String mode) {
			this.mode = mode;
		}

		public MultipartFile getFile() {
			return file;
		}

		public void setFile(MultipartFile file) {
			this.file = file;
		}

	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId");
	}

	@GetMapping(LIST_PATH)
	String initUploadForm(StaffActor actor, Model model) {
		UploadForm form = new UploadForm();
		if (model.getAttribute(FLASH_MODE) instanceof String mode) {
			form.setMode(mode);
		}
		model.addAttribute("uploadForm", form);
		if (Boolean.TRUE.equals(model.getAttribute(FLASH_TOO_LARGE))) {
			BindingResult result = new BeanPropertyBindingResult(form, "uploadForm");
			rejectTooLarge(result);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "uploadForm", result);
		}
		return showUploadForm(actor, model);
	}

	/**
	 * The form posts here; a reload or a bookmark of the address goes back to the form.
	 */
	@GetMapping(UPLOAD_PATH)
	String redirectToUploadForm() {
		return "redirect:" + LIST_PATH;
	}

	@PostMapping(UPLOAD_PATH)
	String processUploadForm(@ModelAttribute("uploadForm") UploadForm form, BindingResult result, StaffActor actor,
			Model model) throws IOException {
		Mode mode = switch (form.getMode()) {
			case "SNAPSHOT" -> Mode.SNAPSHOT;
			case "DELTA" -> Mode.DELTA;
			default -> null;
		};
		if (mode == null) {
			result.rejectValue("mode", "roster.import.mode.required");
		}
		MultipartFile file = form.getFile();
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			result.rejectValue("file", "roster.import.file.required");
		}
		else if (file.isEmpty()) {
			result.rejectValue("file", "roster.import.file.empty");
		}
		else if (file.getSize() > properties.maxUploadBytes()) {
			// Normally refused by the servlet's multipart limit already
			// (OversizedRosterUploadFilter).
			rejectTooLarge(result);
		}
		if (result.hasErrors()) {
			return showUploadForm(actor, model);
		}
		long id;
		try (InputStream in = file.getInputStream()) {
			id = pageImports.upload(new PageImports.Actor(actor.tenantId(), actor.loginId(), actor.role(), actor.ip()),
					mode, fileName(file.getOriginalFilename()), file.getSize(), in);
		}
		return "redirect:/admin/roster/imports/" + id;
	}

	/**
	 * 名簿CSVの形式: the short version of docs/roster-csv.md, which the application does not
	 * serve.
	 */
	@GetMapping(LIST_PATH + "/format")
	String showFormat(Model model) {
		model.addAttribute("maxUploadText", properties.maxUploadText());
		return VIEW_FORMAT;
	}

	/**
	 * The sample file, with a byte order mark so that Excel in Japan, where staff will
	 * open it, reads it as UTF-8 rather than Windows-31J (the import accepts both, with
	 * or without the mark).
	 */
	@GetMapping(LIST_PATH + "/sample.csv")
	ResponseEntity<byte[]> downloadSample() throws IOException {
		byte[] sample;
		try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
			sample = in.readAllBytes();
		}
		byte[] body = new byte[UTF8_BOM.length + sample.length];
		System.arraycopy(UTF8_BOM, 0, body, 0, UTF8_BOM.length);
		System.arraycopy(sample, 0, body, UTF8_BOM.length, sample.length);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("roster-sample.csv").build().toString())
			.body(body);
	}

	@GetMapping("/admin/roster/imports/{id}")
	String showImport(@PathVariable long id, StaffActor actor, Model model) {
		long tenantId = actor.tenantId();
		ImportRecord record = records.find(tenantId, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("record", record);
		record.percent().ifPresent(percent -> model.addAttribute("percent", percent));
		model.addAttribute("confirmHours", PageImports.CONFIRM_WITHIN.toHours());
		if (record.status() == ImportRecord.Status.INVALID || record.status() == ImportRecord.Status.FAILED) {
			model.addAttribute("errors", records.errors(tenantId, id));
		}
		return VIEW_IMPORT;
	}

	@PostMapping("/admin/roster/imports/{id}/confirm")
	String confirm(@PathVariable long id, StaffActor actor, RedirectAttributes redirect) {
		records.find(actor.tenantId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		pageImports.confirm(new PageImports.Actor(actor.tenantId(), actor.loginId(), actor.role(), actor.ip()), id);
		return "redirect:/admin/roster/imports/" + id;
	}

	@PostMapping("/admin/roster/imports/{id}/cancel")
	String cancel(@PathVariable long id, StaffActor actor) {
		records.find(actor.tenantId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		pageImports.cancel(new PageImports.Actor(actor.tenantId(), actor.loginId(), actor.role(), actor.ip()), id);
		return "redirect:/admin/roster/imports";
	}

	private String showUploadForm(StaffActor actor, Model model) {
		model.addAttribute("history", records.history(actor.tenantId(), 50));
		model.addAttribute("maxUploadBytes", properties.maxUploadBytes());
		model.addAttribute("maxUploadText", properties.maxUploadText());
		return VIEW_IMPORTS;
	}

	private void rejectTooLarge(BindingResult result) {
		result.rejectValue("file", "roster.import.file.tooLarge", new Object[] { properties.maxUploadText() }, null);
	}

	/** Browsers may send a path; keep only the name, for the history. */
	private static String fileName(String original) {
		String name = original.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}

}
