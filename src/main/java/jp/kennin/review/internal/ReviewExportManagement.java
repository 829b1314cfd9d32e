package jp.kennin.review.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
	static final List<Integer> WIDTHS = List.of(8, 12, 6, 18, 18, 22, 12, 10, 12, 16, 12, 16, 12, 24, 16, 40);

	private final Campaigns campaigns;

	private final ReviewExportRepository rows;

	private final ReviewAudit audit;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	ReviewExportManagement(Campaigns campaigns, ReviewExportRepository rows, ReviewAudit audit, MessageSource messages,
			PlatformTransactionManager transactions) {
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
		String list = kind == Kind.REMOVALS ? "削除対象者一覧" : "判定一覧";
		return new Download(campaign.title() + "_" + list + "." + format.extension(), format.contentType(),
				out -> write(actor, campaignId, kind, format, list, out));
	}

	private void write(ReviewActor actor, long campaignId, Kind kind, Format format, String list, OutputStream out)
			throws IOException {
		List<String> header = kind == Kind.REMOVALS ? REMOVAL_COLUMNS : DETERMINATION_COLUMNS;
		IOException failed = transaction.execute(status -> {
			int[] written = { 0 };
			try {
				try (ReviewExportFiles.Sheet sheet = open(format, out, list, header)) {
					rows.stream(actor.tenantId(), campaignId, kind == Kind.REMOVALS, row -> {
						sheet.row(cells(row, kind));
						written[0]++;
					});
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

	private static ReviewExportFiles.Sheet open(Format format, OutputStream out, String sheetName, List<String> header)
			throws IOException {
		return switch (format) {
			case CSV_WINDOWS_31J -> ReviewExportFiles.csv(out, WINDOWS_31J, false, header);
			case CSV_UTF8 -> ReviewExportFiles.csv(out, StandardCharsets.UTF_8, true, header);
			case XLSX -> ReviewExportFiles.xlsx(out, sheetName, header, WIDTHS.subList(0, header.size()));
		};
	}

	/**
	 * One row's cells, in the header's order; dates stay dates for the format to write.
	 */
	private List<Object> cells(ReviewExportRepository.Row row, Kind kind) {
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
			String decision = text("review.decision." + row.decision().name());
			cells.add(row.decision() == Decision.REMOVE && row.proposed()
					? decision + "（" + text("review.decision.proposed") + "）" : decision);
			// The decision's note (e.g. why 保留), on one line; never the staff memo.
			cells.add(row.note() == null ? null : row.note().replaceAll("\\s*\\R\\s*", " "));
		}
		return cells;
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
		audit.record(
				kind == Kind.REMOVALS ? ReviewAuditEvent.REMOVALS_EXPORTED : ReviewAuditEvent.DETERMINATIONS_EXPORTED,
				actor, "campaign:" + campaignId, details);
	}

	private static LocalDate date(Instant at) {
		return JapanTime.of(at).toLocalDate();
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, Locale.JAPANESE);
	}

}
