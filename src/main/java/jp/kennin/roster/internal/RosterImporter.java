package jp.kennin.roster.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterAuditEvent;
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
 * The one code path behind the page, the CLI and the API: read and check every row (the
 * cross-row checks, duplicate keys and families without their 本人, run on a compact
 * in-memory key index while reading), write the rows, count, then merge, all in one
 * transaction that is rolled back if anything is wrong (or if this is only a preview).
 */
@Service
class RosterImporter implements RosterImports {

	static final String AUDIT_APPLIED = RosterAuditEvent.ROSTER_IMPORTED.name();

	static final String AUDIT_REJECTED = RosterAuditEvent.ROSTER_IMPORT_REJECTED.name();

	/**
	 * Progress is written (a transaction of its own, so the page can show it) at most
	 * this often.
	 */
	private static final long PROGRESS_NANOS = 1_000_000_000L;

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
	public long register(ImportRequest request, String storageKey, long fileSize) {
		return records.insert(request, storageKey, fileSize);
	}

	@Override
	public ImportResult run(ImportRequest request, InputStream csv, Long importId) {
		long id = importId != null ? importId : register(request, null, 0);
		ProblemSink problems = new ProblemSink();
		Counts[] counts = new Counts[1];
		Boolean applied;
		try {
			applied = tx.execute(status -> {
				Load load = begin(request);
				try {
					counts[0] = readAndCheck(load, request, csv, id, problems);
					if (!problems.isEmpty() || request.dryRun()) {
						status.setRollbackOnly();
						load.discard();
						return false;
					}
					long applyStart = System.nanoTime();
					load.apply(request.mode(), counts[0]);
					log.info("Roster import {}: applied {} rows in {} ms", id, counts[0].rows(),
							(System.nanoTime() - applyStart) / 1_000_000);
					records.finish(id, Status.APPLIED, counts[0], List.of(), 0);
					audit.record(event(AUDIT_APPLIED, request, id, counts[0], 0));
					events.publishEvent(new RosterImported(request.tenantId(), id, request.mode(), counts[0]));
					load.discard();
					return true;
				}
				catch (RuntimeException ex) {
					load.target().abort();
					throw ex;
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Roster import {} failed", id, ex);
			tx.executeWithoutResult(s -> records.finish(id, Status.FAILED, null,
					List.of(RosterTexts.problem(null, null, "unexpected")), 1));
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

	/**
	 * Chooses where the rows go. Into a roster without anybody yet (a new insurer's first
	 * load) they are written straight into {@code roster_person} while the file is read,
	 * one write instead of two; a preview of such a load writes nothing. Otherwise they
	 * go into a staging table to be counted and merged.
	 */
	private Load begin(ImportRequest request) {
		long tenantId = request.tenantId();
		if (!request.dryRun()) {
			lockTenant(tenantId);
		}
		if (isPostgres()) {
			// The count's and the merge's hash joins in memory instead of spilled to disk
			// (default 4 MB).
			jdbc.sql("set local work_mem = '64MB'").update();
		}
		Instant now = clock.instant();
		boolean empty = !jdbc.sql("select exists (select 1 from roster_person where tenant_id = ?)")
			.param(tenantId)
			.query(Boolean.class)
			.single();
		if (empty) {
			RowTarget target = request.dryRun() ? RowTarget.NONE
					: RowWriter.open(RowWriter.Table.ROSTER, dataSource, isPostgres(), tenantId, now);
			return new Load(target, null, now);
		}
		RosterStage stage = new RosterStage(jdbc, dataSource, isPostgres(), tenantId);
		return new Load(stage.create(), stage, now);
	}

	/**
	 * Serialises imports of one tenant (two first loads would both think the roster
	 * empty), and keeps the tenant from being deleted under the import. NO KEY UPDATE
	 * still lets other transactions insert rows that refer to the tenant.
	 */
	private void lockTenant(long tenantId) {
		jdbc.sql("select id from tenant where id = ? for " + (isPostgres() ? "no key update" : "update"))
			.param(tenantId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
	}

	/**
	 * The rows' destination: a staging table to merge from, or (stage null) the roster
	 * itself.
	 */
	private record Load(RowTarget target, RosterStage stage, Instant now) {

		Counts counts(Mode mode, int rows) {
			if (stage == null) {
				return new Counts(rows, rows, 0, 0, 0);
			}
			stage.loaded();
			return stage.count(mode);
		}

		void apply(Mode mode, Counts counts) {
			if (stage != null) {
				stage.apply(mode, Timestamp.from(now), counts);
			}
		}

		void discard() {
			target.abort();
			if (stage != null) {
				stage.dropQuietly();
			}
		}

	}

	private Counts readAndCheck(Load load, ImportRequest request, InputStream raw, long id, ProblemSink problems) {
		long start = System.nanoTime();
		CountingInputStream csv = new CountingInputStream(raw);
		RosterRowParser parser = new RosterRowParser(JapanTime.today(clock));
		KeyIndex keys = new KeyIndex();
		RowTarget target = load.target();
		int[] rows = { 0 };
		long[] progressAt = { start };
		boolean[] readable = { false };
		boolean postal;
		try {
			postal = RosterCsvReader.read(csv, problems, (line, cells) -> {
				readable[0] = true;
				StagedRow row = parser.parse(line, cells, problems);
				if (row != null) {
					int first = keys.add(row.kigo(), row.bango(), row.edaban(), line);
					if (first != 0) {
						problems.add(line, RosterColumn.EDABAN.header, "duplicateKey", first, row.kigo(), row.bango(),
								row.edaban());
					}
					else if (problems.isEmpty()) {
						// Once the file is known to be rejected, writing more rows is
						// wasted work.
						target.add(row);
					}
				}
				if (++rows[0] % 1000 == 0 && System.nanoTime() - progressAt[0] >= PROGRESS_NANOS) {
					records.progress(id, rows[0], csv.count());
					progressAt[0] = System.nanoTime();
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (readable[0]) {
			for (KeyIndex.Orphan orphan : keys.orphans()) {
				problems.add(orphan.line(), RosterColumn.KUBUN.header, "noInsuredRow", orphan.kigo(), orphan.bango());
			}
		}
		else if (problems.isEmpty()) {
			problems.add(null, null, "noRows");
		}
		long read = System.nanoTime();
		if (!problems.isEmpty()) {
			log.info("Roster import {}: {} rows read and checked in {} ms, {} problems", id, rows[0],
					(read - start) / 1_000_000, problems.total());
			return null;
		}
		target.finish();
		if (load.stage() != null) {
			load.stage().postalColumns(postal);
		}
		long written = System.nanoTime();
		Counts counts = load.counts(request.mode(), rows[0]);
		log.info(
				"Roster import {}: {} rows read, checked and written in {} ms (waiting for the database at the end {} ms), "
						+ "counting {} ms",
				id, rows[0], (written - start) / 1_000_000, (written - read) / 1_000_000,
				(System.nanoTime() - written) / 1_000_000);
		return counts;
	}

	/** Counts the bytes read, for the progress shown while a large file is checked. */
	private static final class CountingInputStream extends FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

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
		String kind = r.source() == Source.PAGE ? StaffActor.KIND : "SYSTEM";
		return new AuditLog.Event(type, r.tenantId(), kind, r.actorId(), r.actorRole(), "roster_import:" + id, r.ip(),
				details);
	}

	private boolean isPostgres() {
		if (postgres == null) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
				postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot tell the database product", ex);
			}
		}
		return postgres;
	}

}
