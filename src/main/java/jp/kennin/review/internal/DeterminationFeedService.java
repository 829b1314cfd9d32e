package jp.kennin.review.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.ApiPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.review.DeterminationFeed;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.review.ReviewExports;
import jp.kennin.survey.Campaigns;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The core-system API: scope and tenant checked, one page read in change order, the read
 * audited with its row count, in one transaction. The cursor is the last row's change
 * time and decision ID, Base64 encoded so clients treat it as opaque.
 */
@Service
@Transactional
class DeterminationFeedService implements DeterminationFeed {

	private static final String CURSOR_VERSION = "v1";

	private static final ReviewExportRepository.Cursor START = new ReviewExportRepository.Cursor(Instant.EPOCH, 0);

	private final Campaigns campaigns;

	private final ReviewExportRepository rows;

	private final ReviewExportManagement layout;

	private final AuditLog audit;

	private final Clock clock;

	DeterminationFeedService(Campaigns campaigns, ReviewExportRepository rows, ReviewExportManagement layout,
			AuditLog audit, Clock clock) {
		this.campaigns = campaigns;
		this.rows = rows;
		this.layout = layout;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Page read(ApiActor actor, Request request) {
		if (!actor.scopes().contains(ApiPrincipal.RESULTS_READ)) {
			throw new AccessDeniedException("the token may not read determinations");
		}
		campaigns.find(actor.tenantId(), request.campaignId()).orElseThrow(NotFound::new);
		if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
		}
		ReviewExportRepository.Cursor after = request.cursor() != null ? decode(request.cursor())
				: request.since() != null ? new ReviewExportRepository.Cursor(request.since(), Long.MAX_VALUE) : START;
		Instant now = clock.instant();
		List<ReviewExportRepository.Row> found = rows.changes(actor.tenantId(), request.campaignId(), after, now,
				request.limit() + 1);
		boolean more = found.size() > request.limit();
		List<ReviewExportRepository.Row> page = more ? found.subList(0, request.limit()) : found;
		List<Determination> out = new ArrayList<>(page.size());
		for (ReviewExportRepository.Row row : page) {
			out.add(determination(row, now));
		}
		ReviewExportRepository.Cursor last = page.isEmpty() ? after : new ReviewExportRepository.Cursor(
				page.get(page.size() - 1).changedAt(), page.get(page.size() - 1).id());
		record(actor, request, out.size());
		return new Page(out, encode(last), more);
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public void writeCsv(Page page, OutputStream out) throws IOException {
		try (ReviewExportFiles.Sheet sheet = ReviewExportFiles.csv(out, StandardCharsets.UTF_8, false,
				ReviewExports.DETERMINATION_COLUMNS)) {
			page.rows().forEach(row -> sheet.row(row.cells()));
		}
	}

	private Determination determination(ReviewExportRepository.Row row, Instant now) {
		String state = layout.removalState(row, now);
		return new Determination(row.kigo(), row.bango(), row.edaban(), row.insuredName(), row.name(), row.nameKana(),
				row.birthDate(), row.relationship(), row.lossDate(), row.reason() == null ? null : row.reason().name(),
				row.reason() == null ? null : layout.text("review.lossReason." + row.reason().name()),
				row.decidedAt() == null ? null : JapanTime.of(row.decidedAt()).toLocalDate(), row.decidedBy(),
				row.officeCode(), row.officeName(), row.decision() == null ? null : row.decision().name(),
				row.proposed(), row.note(),
				state == null ? null
						: row.rebuttalEndsAt() != null && now.isBefore(row.rebuttalEndsAt()) ? "SCHEDULED" : "FINAL",
				row.finalRemoval() && row.rebuttalEndsAt() != null ? RebuttalWindows.lastDay(row.rebuttalEndsAt())
						: null,
				row.changedAt(), layout.cells(row, ReviewExports.Kind.DETERMINATIONS, now));
	}

	private void record(ApiActor actor, Request request, int count) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("rows", String.valueOf(count));
		details.put("format", request.format().name().toLowerCase(Locale.ROOT));
		if (request.since() != null) {
			details.put("since", request.since().toString());
		}
		if (request.cursor() != null) {
			details.put("cursor", request.cursor());
		}
		audit.record(new AuditLog.Event(ReviewAuditEvent.DETERMINATIONS_API_READ.name(), actor.tenantId(), "SYSTEM",
				actor.clientId(), "API", "campaign:" + request.campaignId(), actor.ip(), details));
	}

	static String encode(ReviewExportRepository.Cursor cursor) {
		String plain = CURSOR_VERSION + ":" + cursor.changedAt().getEpochSecond() + ":" + cursor.changedAt().getNano()
				+ ":" + cursor.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	static ReviewExportRepository.Cursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
			if (parts.length != 4 || !CURSOR_VERSION.equals(parts[0])) {
				throw new IllegalArgumentException("not a cursor of this API");
			}
			return new ReviewExportRepository.Cursor(
					Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
					Long.parseLong(parts[3]));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a cursor of this API", ex);
		}
	}

}
