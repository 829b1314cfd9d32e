package jp.kennin.document.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentAuditEvent;
import jp.kennin.document.DocumentUnavailableException;
import jp.kennin.document.ScanStatus;
import jp.kennin.storage.FileStorage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans the uploads waiting in quarantine ({@code scan_status = PENDING}) with clamd, in
 * the order they came, and records each verdict at once, so a restart or a crash loses no
 * more than the file being scanned (it is scanned again). While clamd does not answer the
 * run stops and every file keeps waiting: nothing passes unscanned. Once per slot across
 * the cluster (the lock is held for 80 % of the 5-second interval).
 */
@Component
class DocumentScanJob {

	private static final Logger log = LoggerFactory.getLogger(DocumentScanJob.class);

	private final JdbcClient jdbc;

	private final DocumentBlobs blobs;

	private final ClamdClient clamd;

	private final AntivirusProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	DocumentScanJob(JdbcClient jdbc, FileStorage storage, AntivirusProperties properties, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.blobs = new DocumentBlobs(storage);
		this.clamd = new ClamdClient(properties);
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	private record Waiting(long id, long tenantId, String ownerKey, String slot, String storageKey) {
	}

	@Scheduled(fixedDelayString = "${kennin.antivirus.scan-interval:PT5S}",
			initialDelayString = "${kennin.antivirus.scan-interval:PT5S}")
	@SchedulerLock(name = "document-scan", lockAtLeastFor = "PT4S", lockAtMostFor = "PT10M")
	public void run() {
		if (properties.enabled()) {
			scanWaiting();
		}
	}

	/** Scans up to one batch; the number of files given a verdict. */
	int scanWaiting() {
		List<Waiting> waiting = jdbc
			.sql(("select id, tenant_id, owner_key, slot, storage_key from uploaded_document "
					+ "where scan_status = 'PENDING' and deleted_at is null order by id fetch first %d rows only")
				.formatted(properties.batchSize()))
			.query((rs, n) -> new Waiting(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("owner_key"),
					rs.getString("slot"), rs.getString("storage_key")))
			.list();
		int done = 0;
		for (Waiting file : waiting) {
			Optional<byte[]> bytes;
			try {
				bytes = blobs.read(file.storageKey(), file.id());
			}
			catch (DocumentUnavailableException ex) {
				log.warn("Virus scan paused: the file store cannot be read; {} file(s) wait in quarantine",
						waiting.size() - done);
				return done;
			}
			if (bytes.isEmpty()) {
				// Logged by DocumentBlobs; nothing to serve either way, it stays PENDING.
				continue;
			}
			ClamdClient.Verdict verdict;
			try {
				verdict = clamd.scan(bytes.get());
			}
			catch (IOException ex) {
				log.warn("Virus scan paused: clamd at {} is not available ({}); {} file(s) wait in quarantine",
						clamd.address(), ex.getMessage(), waiting.size() - done);
				jdbc.sql("update uploaded_document set scan_attempts = scan_attempts + 1 where id = ?")
					.param(file.id())
					.update();
				return done;
			}
			record(file, verdict);
			done++;
		}
		return done;
	}

	private void record(Waiting file, ClamdClient.Verdict verdict) {
		ScanStatus status = verdict.infected() ? ScanStatus.INFECTED : ScanStatus.CLEAN;
		String signature = verdict.signature() == null ? null
				: verdict.signature().substring(0, Math.min(200, verdict.signature().length()));
		transaction.executeWithoutResult(tx -> {
			int updated = jdbc
				.sql("update uploaded_document set scan_status = ?, scan_signature = ?, scanned_at = ?, "
						+ "scan_attempts = scan_attempts + 1 where id = ? and scan_status = 'PENDING'")
				.params(status.name(), signature, Timestamp.from(clock.instant()), file.id())
				.update();
			if (updated == 1 && verdict.infected()) {
				log.warn("Virus found in document {} ({}): {}; it will not be served", file.id(), file.slot(),
						signature);
				audit.record(new AuditLog.Event(DocumentAuditEvent.DOCUMENT_INFECTED.name(), file.tenantId(), "SYSTEM",
						"antivirus", null, "document:" + file.id(), null,
						Map.of("owner", file.ownerKey(), "slot", file.slot(), "signature", signature)));
			}
		});
	}

}
