package jp.kennin.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditTargets;
import jp.kennin.audit.internal.AuditLogViewer;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static jp.kennin.platform.CsvCells.safe;

/**
 * 監査ログ: insurer admins see their tenant's events, operators all events; filter by date
 * (Japan time), staff and target; CSV export. Read-only: there is no path that changes or
 * deletes an event.
 */
@Controller
class AuditLogController {

	static final String VIEW_LOG = "audit/log";

	static final int PAGE_LIMIT = 200;

	/**
	 * Entries named per batch while the CSV streams, so a long export never holds the
	 * whole log.
	 */
	static final int CSV_BATCH = 500;

	private final AuditLogViewer audit;

	private final AuditLabels labels;

	private final Clock clock;

	AuditLogController(AuditLogViewer audit, AuditLabels labels, Clock clock) {
		this.audit = audit;
		this.labels = labels;
		this.clock = clock;
	}

	record Filter(String from, String until, String actor, String target) {
	}

	@GetMapping("/admin/audit")
	String show(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			StaffActor viewer, Model model) {
		Filter filter = new Filter(from, until, actor, target);
		model.addAttribute("filter", filter);
		if ((!from.isBlank() && AuditLogViewer.date(from) == null)
				|| (!until.isBlank() && AuditLogViewer.date(until) == null)) {
			model.addAttribute("dateError", true);
			return VIEW_LOG;
		}
		model.addAttribute("entries",
				labels.rows(audit.search(viewer, filter(filter), PAGE_LIMIT), viewer, LocaleContextHolder.getLocale()));
		model.addAttribute("limit", PAGE_LIMIT);
		return VIEW_LOG;
	}

	@GetMapping("/admin/audit/export")
	void export(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			StaffActor staff, HttpServletResponse response) throws IOException {
		audit.checkViewer(staff);
		String name = "audit-" + JapanTime.today(clock).toString().replace("-", "") + ".csv";
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name);
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		Locale locale = LocaleContextHolder.getLocale();
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord("日時", "種類", "種類コード", "保険者ID", "実行者種別", "実行者", "権限", "権限コード", "対象", "対象コード", "IP", "詳細",
					"詳細コード");
			List<AuditEntry> batch = new ArrayList<>(CSV_BATCH);
			audit.export(staff, new AuditLogViewer.Filter(from, until, actor, target), e -> {
				batch.add(e);
				if (batch.size() == CSV_BATCH) {
					print(csv, batch, staff, locale);
				}
			});
			print(csv, batch, staff, locale);
		}
	}

	/**
	 * Codes stay in the columns named コード (for filters and scripts); the others are as
	 * staff read them.
	 */
	private void print(CSVPrinter csv, List<AuditEntry> batch, StaffActor staff, Locale locale) {
		Map<String, AuditTargets.Target> named = labels.name(batch.stream().map(AuditEntry::target).toList(), staff);
		try {
			for (AuditEntry e : batch) {
				// The time column keeps one fixed format whatever the staff member's
				// language: spreadsheets parse it.
				csv.printRecord(DateStyle.DATE_TIME_SECONDS.format(e.at(), Locale.JAPANESE),
						safe(labels.type(e.type(), locale)), safe(e.type()), e.tenantId() == null ? "" : e.tenantId(),
						safe(e.actorKind()), safe(e.actorId()), safe(labels.role(e.actorRole(), locale)),
						safe(e.actorRole()),
						safe(labels.target(e.target(), e.target() == null ? null : named.get(e.target()), locale)),
						safe(e.target()), safe(e.ip()),
						safe(labels.details(e, locale)
							.stream()
							.map(d -> d.label() + "=" + d.value())
							.collect(Collectors.joining(" "))),
						safe(e.details()
							.entrySet()
							.stream()
							.map(d -> d.getKey() + "=" + d.getValue())
							.collect(Collectors.joining(" "))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		batch.clear();
	}

	private static AuditLogViewer.Filter filter(Filter filter) {
		return new AuditLogViewer.Filter(filter.from(), filter.until(), filter.actor(), filter.target());
	}

}
