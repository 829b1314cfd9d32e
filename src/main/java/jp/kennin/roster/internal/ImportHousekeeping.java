package jp.kennin.roster.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.roster.internal.ImportRecord.Status;
import jp.kennin.storage.FileStorage;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends page imports that can no longer end by themselves, and deletes their stored roster
 * files (personal data that should not stay around): an import whose node stopped while
 * it ran (no sign of life for {@link #STALLED_AFTER}: a running import writes its
 * progress every second) and a checked import that nobody confirmed or cancelled within
 * {@link PageImports#CONFIRM_WITHIN}. Runs on one node at a time.
 */
@Component
class ImportHousekeeping {

	static final Duration STALLED_AFTER = Duration.ofMinutes(15);

	static final String STALLED_MESSAGE = RosterTexts.japanese("stalled", List.of());

	private static final Logger log = LoggerFactory.getLogger(ImportHousekeeping.class);

	private final ImportRecords records;

	private final FileStorage storage;

	private final Clock clock;

	ImportHousekeeping(ImportRecords records, FileStorage storage, Clock clock) {
		this.records = records;
		this.storage = storage;
		this.clock = clock;
	}

	@Scheduled(cron = "${kennin.roster.housekeeping-cron:0 */5 * * * *}")
	// Held for 90 % of the default five minutes: once per slot across the cluster.
	@SchedulerLock(name = "roster-import-housekeeping", lockAtLeastFor = "PT4M30S", lockAtMostFor = "PT10M")
	@Transactional
	public void run() {
		Instant now = clock.instant();
		Instant stalledBefore = now.minus(STALLED_AFTER);
		for (ImportRecord record : records.stalled(stalledBefore)) {
			if (records.end(record, Status.FAILED, stalledBefore, RosterTexts.problem(null, null, "stalled"))) {
				log.warn("Roster import {} of tenant {} showed no progress since {}; marked failed", record.id(),
						record.tenantId(), stalledBefore);
				delete(record);
			}
		}
		Instant unconfirmedBefore = now.minus(PageImports.CONFIRM_WITHIN);
		for (ImportRecord record : records.unconfirmed(unconfirmedBefore)) {
			if (records.end(record, Status.EXPIRED, unconfirmedBefore, null)) {
				log.info("Roster import {} of tenant {} was not confirmed within {}; expired", record.id(),
						record.tenantId(), PageImports.CONFIRM_WITHIN);
				delete(record);
			}
		}
	}

	private void delete(ImportRecord record) {
		if (record.storageKey() == null) {
			return;
		}
		try {
			storage.delete(record.storageKey());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete the stored file of roster import {}: {}", record.id(), ex.getMessage());
		}
	}

}
