package jp.kennin.review.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.Decision;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.review.ReviewExports;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exports: the actor and campaign are checked when the download is asked for (so a
 * refusal or "not found" comes before any byte is sent); the rows are then read through a
 * cursor and written in one transaction, which also records the export with the number of
 * rows written. A download that breaks off (the browser went away) is recorded too, with
 * the rows written so far and {@code complete=false}: those rows have left the server.
 */
@Service
class ReviewExportManagement implements ReviewExports {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	/**
	 * Column widths in the XLSX, in characters, in {@link #DETERMINATION_COLUMNS} order.
	 */
	static final List<Integer> WIDTHS = List.of(8, 12, 6, 18, 18, 22, 12, 10, 12, 16, 12, 16, 12, 24, 16, 40, 10, 12);

	/** The removal list's widths: the 14 decision columns, then 削除の状態 and 反論期限. */
	static final List<Integer> REMOVAL_WIDTHS = List.of(8, 12, 6, 18, 18, 22, 12, 10, 12, 16, 12, 16, 12, 24, 10, 12);

	static final List<Integer> NON_RESPONDENT_WIDTHS = List.of(12, 24, 8, 12, 18, 22, 10, 10, 10);

	static final List<Integer> STATISTICS_WIDTHS = List.of(12, 24, 12, 12, 14, 14, 16, 12, 10);

	private final Campaigns campaigns;

	private final ReviewExportRepository rows;

	private final ReviewAudit audit;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReviewExportManagement(Campaigns campaigns, ReviewExportRepository rows, ReviewAudit audit, MessageSource messages,
			PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.campaigns = campaigns;
		this.rows = rows;
		this.audit = audit;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public Download export(ReviewActor actor, long campaignId, Kind kind, Format format) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators export review results");
		}
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId).orElseThrow(ReviewNotFound::new);
		String list = switch (kind) {
			case REMOVALS -> "削除対象者一覧";
			case DETERMINATIONS -> "判定一覧";
			case NON_RESPONDENTS -> "未提出者一覧";
			case STATISTICS -> "事業所別集計";
		};
		return new Download(campaign.title() + "_" + list + "." + format.extension(), format.contentType(),
				out -> write(actor, campaignId, kind, format, list, out));
	}

	private void write(ReviewActor actor, long campaignId, Kind kind, Format format, String list, OutputStream out)
			throws IOException {
		List<String> header = switch (kind) {
			case REMOVALS -> REMOVAL_COLUMNS;
			case DETERMINATIONS -> DETERMINATION_COLUMNS;
			case NON_RESPONDENTS -> NON_RESPONDENT_COLUMNS;
			case STATISTICS -> STATISTICS_COLUMNS;
		};
		List<Integer> widths = switch (kind) {
			case REMOVALS -> REMOVAL_WIDTHS;
			case DETERMINATIONS -> WIDTHS;
			case NON_RESPONDENTS -> NON_RESPONDENT_WIDTHS;
			case STATISTICS -> STATISTICS_WIDTHS;
		};
		Instant now = clock.instant();
		IOException failed = transaction.execute(status -> {
			int[] written = { 0 };
			try {
				try (ReviewExportFiles.Sheet sheet = open(format, out, list, header, widths)) {
					Consumer<List<Object>> sink = cells -> {
						sheet.row(cells);
						written[0]++;
					};
					switch (kind) {
						case REMOVALS, DETERMINATIONS -> rows.stream(actor.tenantId(), campaignId,
								kind == Kind.REMOVALS, row -> sink.accept(cells(row, kind, now)));
						case NON_RESPONDENTS ->
							rows.nonRespondents(actor.tenantId(), campaignId, row -> sink.accept(cells(row)));
						case STATISTICS -> statistics(rows.statistics(actor.tenantId(), campaignId)).forEach(sink);
					}
				}
				record(actor, campaignId, kind, format, written[0], true);
				return null;
			}
			catch (IOException ex) {
				record(actor, campaignId, kind, format, written[0], false);
				return ex;
			}
			catch (UncheckedIOException ex) {
				record(actor, campaignId, kind, format, written[0], false);
				return ex.getCause();
			}
		});
		if (failed != null) {
			throw failed;
		}
	}

	private static ReviewExportFiles.Sheet open(Format format, OutputStream out, String sheetName, List<String> header,
			List<Integer> widths) throws IOException {
		return switch (format) {
			case CSV_WINDOWS_31J -> ReviewExportFiles.csv(out, WINDOWS_31J, false, header);
			case CSV_UTF8 -> ReviewExportFiles.csv(out, StandardCharsets.UTF_8, true, header);
			case XLSX -> ReviewExportFiles.xlsx(out, sheetName, header, widths);
		};
	}

	/**
	 * One row's cells, in the header's order; dates stay dates for the format to write.
	 * Shared with the core-system API's CSV, so file and API have the same layout.
	 */
	List<Object> cells(ReviewExportRepository.Row row, Kind kind, Instant now) {
		List<Object> cells = new ArrayList<>(DETERMINATION_COLUMNS.size());
		cells.add(row.kigo());
		cells.add(row.bango());
		cells.add(row.edaban());
		cells.add(row.insuredName());
		cells.add(row.name());
		cells.add(row.nameKana());
		cells.add(row.birthDate());
		cells.add(row.relationship());
		cells.add(row.lossDate());
		cells.add(row.reason() == null ? null : text("review.lossReason." + row.reason().name()));
		cells.add(row.decidedAt() == null ? null : date(row.decidedAt()));
		cells.add(row.decidedBy());
		cells.add(row.officeCode());
		cells.add(row.officeName());
		if (kind == Kind.DETERMINATIONS) {
			cells.add(determination(row));
			// The decision's note (e.g. why 保留), on one line; never the staff memo.
			cells.add(row.note() == null ? null : row.note().replaceAll("\\s*\\R\\s*", " "));
		}
		cells.add(removalState(row, now));
		cells.add(row.finalRemoval() && row.rebuttalEndsAt() != null ? RebuttalWindows.lastDay(row.rebuttalEndsAt())
				: null);
		return cells;
	}

	/** 継続, 削除, 削除（承認待ち）, 保留; 未決定 for a dependent undecided again (API only). */
	String determination(ReviewExportRepository.Row row) {
		if (row.decision() == null) {
			return text("review.decision.undecided");
		}
		String decision = text("review.decision." + row.decision().name());
		return row.decision() == Decision.REMOVE && row.proposed()
				? decision + "（" + text("review.decision.proposed") + "）" : decision;
	}

	/**
	 * 予定 while the rebuttal window is open, 確定 after (or without one); empty unless a
	 * final 削除.
	 */
	String removalState(ReviewExportRepository.Row row, Instant now) {
		if (!row.finalRemoval()) {
			return null;
		}
		boolean scheduled = row.rebuttalEndsAt() != null && now.isBefore(row.rebuttalEndsAt());
		return text(scheduled ? "review.removal.scheduled" : "review.removal.final");
	}

	private List<Object> cells(ReviewExportRepository.NonRespondent row) {
		return Arrays.asList(row.officeCode(), row.officeName(), row.kigo(), row.bango(), row.insuredName(),
				row.insuredKana(), row.dependents(), text("review.export.formStatus." + row.status()),
				text(row.registered() ? "review.export.registered" : "review.export.unregistered"));
	}

	/** One row per office, then the total. */
	private List<List<Object>> statistics(List<ReviewExportRepository.OfficeCounts> offices) {
		List<List<Object>> out = new ArrayList<>();
		long[] total = new long[7];
		for (var o : offices) {
			long[] figures = { o.households(), o.dependents(), o.registered(), o.submitted(), o.returned(), o.decided(),
					o.removed() };
			List<Object> row = new ArrayList<>(List.of(o.officeCode() == null ? "" : o.officeCode(),
					o.officeName() == null ? "" : o.officeName()));
			for (int i = 0; i < figures.length; i++) {
				row.add(figures[i]);
				total[i] += figures[i];
			}
			out.add(row);
		}
		List<Object> sum = new ArrayList<>(List.of("", text("review.export.total")));
		for (long figure : total) {
			sum.add(figure);
		}
		out.add(sum);
		return out;
	}

	private void record(ReviewActor actor, long campaignId, Kind kind, Format format, int rows, boolean complete) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("rows", String.valueOf(rows));
		details.put("format", format.extension());
		if (format.encoding() != null) {
			details.put("encoding", format.encoding());
		}
		if (!complete) {
			details.put("complete", "false");
		}
		ReviewAuditEvent type = switch (kind) {
			case REMOVALS -> ReviewAuditEvent.REMOVALS_EXPORTED;
			case DETERMINATIONS -> ReviewAuditEvent.DETERMINATIONS_EXPORTED;
			case NON_RESPONDENTS -> ReviewAuditEvent.NON_RESPONDENTS_EXPORTED;
			case STATISTICS -> ReviewAuditEvent.STATISTICS_EXPORTED;
		};
		audit.record(type, actor, "campaign:" + campaignId, details);
	}

	private static LocalDate date(Instant at) {
		return JapanTime.of(at).toLocalDate();
	}

	String text(String key) {
		return messages.getMessage(key, null, key, Locale.JAPANESE);
	}

}
