package jp.kennin.roster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RosterImported;
import jp.kennin.roster.RosterImports;
import jp.kennin.roster.internal.ImportRecord.Status;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one code path behind the page, the CLI and the API: read and check every row into a staging table,
 * run the cross-row checks, count, then merge, all in one transaction that is rolled back if anything is
 * wrong (or if this is only a preview).
 */
@Service
class RosterImporter implements RosterImports {

	static final String AUDIT_APPLIED = "ROSTER_IMPORTED";

	static final String AUDIT_REJECTED = "ROSTER_IMPORT_REJECTED";

	private static final int PROGRESS_EVERY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final ImportRecords records;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Boolean postgres;

	RosterImporter(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager txManager, ImportRecords records,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = new TransactionTemplate(txManager);
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public long register(ImportRequest request, String storageKey) {
		return records.insert(request, storageKey);
	}

	@Override
	public ImportResult run(ImportRequest request, InputStream csv, Long importId) {
		long id = importId != null ? importId : register(request, null);
		ProblemSink problems = new ProblemSink();
		Counts[] counts = new Counts[1];
		RosterStage stage = new RosterStage(jdbc, dataSource, isPostgres(), request.tenantId());
		Boolean applied;
		try {
			applied = tx.execute(status -> {
				try {
					counts[0] = stageAndCheck(stage, request, csv, id, problems);
					if (!problems.isEmpty() || request.dryRun()) {
						status.setRollbackOnly();
						stage.dropQuietly();
						return false;
					}
					long applyStart = System.nanoTime();
					stage.apply(request.mode(), Timestamp.from(clock.instant()), counts[0]);
					log.info("Roster import {}: applied {} rows in {} ms", id, counts[0].rows(), (System.nanoTime() - applyStart) / 1_000_000);
					records.finish(id, Status.APPLIED, counts[0], List.of(), 0);
					audit.record(event(AUDIT_APPLIED, request, id, counts[0], 0));
					events.publishEvent(new RosterImported(request.tenantId(), id, request.mode(), counts[0]));
					stage.dropQuietly();
					return true;
				}
				catch (RuntimeException ex) {
					stage.abort();
					throw ex;
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Roster import {} failed", id, ex);
			tx.executeWithoutResult(s -> records.finish(id, Status.FAILED, null,
					List.of(new Problem(null, null, "取り込み中に予期しないエラーが発生しました。何も反映していません。")), 1));
			throw ex;
		}
		if (Boolean.TRUE.equals(applied)) {
			return new ImportResult(id, true, true, counts[0], List.of(), 0);
		}
		boolean valid = problems.isEmpty();
		Counts shown = valid ? counts[0] : null;
		tx.executeWithoutResult(s -> {
			records.finish(id, valid ? Status.READY : Status.INVALID, shown, problems.problems(), problems.total());
			if (!valid) {
				audit.record(event(AUDIT_REJECTED, request, id, null, problems.total()));
			}
		});
		return new ImportResult(id, valid, false, shown, problems.problems(), problems.total());
	}

	private Counts stageAndCheck(RosterStage stage, ImportRequest request, InputStream csv, long id,
			ProblemSink problems) {
		long start = System.nanoTime();
		stage.create();
		RosterRowParser parser = new RosterRowParser(JapanTime.today(clock));
		int[] rows = { 0 };
		boolean[] readable = { false };
		try {
			RosterCsvReader.read(csv, problems, (line, cells) -> {
				readable[0] = true;
				StagedRow row = parser.parse(line, cells, problems);
				if (row != null) {
					stage.add(row);
				}
				if (++rows[0] % PROGRESS_EVERY == 0) {
					records.progress(id, rows[0]);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		stage.loaded();
		long read = System.nanoTime();
		if (readable[0]) {
			stage.checkDuplicates(problems);
			stage.checkHouseholds(problems);
		}
		else if (problems.isEmpty()) {
			problems.add(null, null, "データの行がありません");
		}
		long checked = System.nanoTime();
		Counts counts = problems.isEmpty() ? stage.count(request.mode()) : null;
		log.info("Roster import {}: read and staged {} rows in {} ms, cross-row checks {} ms, counting {} ms", id, rows[0],
				(read - start) / 1_000_000, (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return counts;
	}

	private static AuditLog.Event event(String type, ImportRequest r, long id, Counts counts, int errors) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("mode", r.mode().name());
		details.put("source", r.source().name());
		details.put("file", r.fileName());
		if (counts != null) {
			details.put("rows", String.valueOf(counts.rows()));
			details.put("added", String.valueOf(counts.added()));
			details.put("updated", String.valueOf(counts.updated()));
			details.put("unchanged", String.valueOf(counts.unchanged()));
			details.put("deactivated", String.valueOf(counts.deactivated()));
		}
		else {
			details.put("errors", String.valueOf(errors));
		}
		String kind = r.source() == Source.PAGE ? "STAFF" : "SYSTEM";
		return new AuditLog.Event(type, r.tenantId(), kind, r.actorId(), r.actorRole(), "roster_import:" + id, r.ip(),
				details);
	}

	private boolean isPostgres() {
		if (postgres == null) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
				postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot tell the database product", ex);
			}
		}
		return postgres;
	}

}
