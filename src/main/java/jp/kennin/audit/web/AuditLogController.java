package jp.kennin.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 監査ログ: insurer admins see their tenant's events, operators all events; filter by date (Japan time),
 * staff and target; CSV export. Read-only: there is no path that changes or deletes an event.
 */
@Controller
class AuditLogController {

	static final String VIEW_LOG = "audit/log";

	static final int PAGE_LIMIT = 200;

	/** Entries named per batch while the CSV streams, so a long export never holds the whole log. */
	static final int CSV_BATCH = 500;

	private final AuditLog audit;

	private final AuditLabels labels;

	private final Clock clock;

	AuditLogController(AuditLog audit, AuditLabels labels, Clock clock) {
		this.audit = audit;
		this.labels = labels;
		this.clock = clock;
	}

	record Filter(String from, String until, String actor, String target) {
	}

	@GetMapping("/admin/audit")
	String show(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			Authentication auth, Model model) {
		Filter filter = new Filter(from, until, actor, target);
		model.addAttribute("filter", filter);
		LocalDate fromDate = date(from);
		LocalDate untilDate = date(until);
		if ((!from.isBlank() && fromDate == null) || (!until.isBlank() && untilDate == null)) {
			model.addAttribute("dateError", true);
			return VIEW_LOG;
		}
		StaffActor viewer = StaffActor.of(auth);
		model.addAttribute("entries", labels.rows(audit.search(query(viewer, fromDate, untilDate, actor, target, PAGE_LIMIT)),
				viewer, LocaleContextHolder.getLocale()));
		model.addAttribute("limit", PAGE_LIMIT);
		return VIEW_LOG;
	}

	@GetMapping("/admin/audit/export")
	void export(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
			@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String target,
			Authentication auth, HttpServletRequest request, HttpServletResponse response) throws IOException {
		StaffActor staff = StaffActor.of(auth);
		AuditLog.Query query = query(staff, date(from), date(until), actor, target, Integer.MAX_VALUE);
		audit.record(new AuditLog.Event("AUDIT_LOG_EXPORTED", staff.tenantId(), "STAFF", staff.loginId(), staff.role(),
				null, request.getRemoteAddr(), Map.of("from", from, "until", until, "actor", actor, "target", target)));
		String name = "audit-" + JapanTime.today(clock).toString().replace("-", "") + ".csv";
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name);
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		Locale locale = LocaleContextHolder.getLocale();
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord("日時", "種類", "種類コード", "保険者ID", "実行者種別", "実行者", "権限", "権限コード", "対象",
					"対象コード", "IP", "詳細", "詳細コード");
			List<AuditEntry> batch = new ArrayList<>(CSV_BATCH);
			audit.forEach(query, e -> {
				batch.add(e);
				if (batch.size() == CSV_BATCH) {
					print(csv, batch, staff, locale);
				}
			});
			print(csv, batch, staff, locale);
		}
	}

	/** Codes stay in the columns named コード (for filters and scripts); the others are as staff read them. */
	private void print(CSVPrinter csv, List<AuditEntry> batch, StaffActor staff, Locale locale) {
		Map<String, AuditTargets.Target> named = labels.name(batch.stream().map(AuditEntry::target).toList(), staff);
		try {
			for (AuditEntry e : batch) {
				// The time column keeps one fixed format whatever the staff member's language: spreadsheets parse it.
				csv.printRecord(DateStyle.DATE_TIME_SECONDS.format(e.at(), Locale.JAPANESE), safe(labels.type(e.type(), locale)), safe(e.type()),
						e.tenantId() == null ? "" : e.tenantId(), safe(e.actorKind()), safe(e.actorId()),
						safe(labels.role(e.actorRole(), locale)), safe(e.actorRole()),
						safe(labels.target(e.target(), e.target() == null ? null : named.get(e.target()), locale)),
						safe(e.target()), safe(e.ip()),
						safe(labels.details(e, locale).stream().map(d -> d.label() + "=" + d.value())
							.collect(Collectors.joining(" "))),
						safe(e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
							.collect(Collectors.joining(" "))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		batch.clear();
	}

	/** Spreadsheets run cells starting with = + - @ (and tab, CR) as formulas; a leading ' stops that. */
	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private static AuditLog.Query query(StaffActor staff, LocalDate from, LocalDate until, String actor, String target,
			int limit) {
		return new AuditLog.Query(staff.operator() ? null : staff.tenantId(),
				from == null ? null : from.atStartOfDay(JapanTime.ZONE).toInstant(),
				until == null ? null : until.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant(), actor.strip(),
				target.strip(), limit);
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip().replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
