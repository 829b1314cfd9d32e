package jp.kennin.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.retention.RetentionAuditEvent;
import jp.kennin.retention.RetentionSettings;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly retention run: per insurer, in one transaction, deletes the documents of
 * campaigns completed more than the insurer's document period ago and the personal data
 * of households gone from the roster for more than its personal data period, and records
 * what it deleted; the stored files go after that transaction committed (through the
 * tombstone list). Files a previous run could not delete are tried first.
 */
@Component
class RetentionJob {

	static final String ACTOR = "retention-job";

	/** Households per batch of deletes (all in the insurer's one transaction). */
	static final int HOUSEHOLD_BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final Tenants tenants;

	private final RetentionSettingRepository settings;

	private final RetentionPurge purge;

	private final FileTombstones tombstones;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RetentionJob(Tenants tenants, RetentionSettingRepository settings, RetentionPurge purge, FileTombstones tombstones,
			AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.tenants = tenants;
		this.settings = settings;
		this.purge = purge;
		this.tombstones = tombstones;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	// Daily at 03:40 Japan time, away from office hours; the lock is held for most of
	// the day, so a node whose trigger fires a moment later skips.
	@Scheduled(cron = "0 40 3 * * *", zone = "Asia/Tokyo")
	@SchedulerLock(name = "retention", lockAtLeastFor = "PT21H", lockAtMostFor = "PT23H")
	public void run() {
		List<TenantRun> runs = runOnce();
		runs.stream()
			.filter(r -> !r.counts().equals(RetentionPurge.Counts.NONE))
			.forEach(r -> log.info("Retention: tenant {} {}", r.tenantId(), r.counts()));
	}

	/** What was deleted for one insurer. */
	record TenantRun(long tenantId, RetentionPurge.Counts counts) {
	}

	/** One run over every insurer; also what tests call. */
	public List<TenantRun> runOnce() {
		tombstones.deleteAll();
		List<TenantRun> runs = new ArrayList<>();
		for (Tenant tenant : tenants.findAll()) {
			RetentionPurge.Counts counts = transactions.execute(status -> runFor(tenant.id()));
			runs.add(new TenantRun(tenant.id(), counts));
			tombstones.deleteAll();
		}
		return runs;
	}

	private RetentionPurge.Counts runFor(long tenantId) {
		Instant now = clock.instant();
		RetentionSettings periods = settings.find(tenantId);
		Instant documentCutoff = yearsBefore(now, periods.documentYears());
		Instant householdCutoff = yearsBefore(now, periods.personalDataYears());
		RetentionPurge.Counts counts = purge.expiredDocuments(tenantId, documentCutoff, now);
		List<RetentionPurge.Household> households = purge.expiredHouseholds(tenantId, householdCutoff);
		for (int i = 0; i < households.size(); i += HOUSEHOLD_BATCH) {
			counts = counts.plus(purge.purgeHouseholds(tenantId,
					households.subList(i, Math.min(households.size(), i + HOUSEHOLD_BATCH)), now));
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("documentYears", String.valueOf(periods.documentYears()));
		details.put("personalDataYears", String.valueOf(periods.personalDataYears()));
		details.put("documentsCompletedBefore", JapanTime.formatDateTime(documentCutoff));
		details.put("householdsGoneBefore", JapanTime.formatDateTime(householdCutoff));
		details.put("documents", String.valueOf(counts.documents()));
		details.put("files", String.valueOf(counts.files()));
		details.put("households", String.valueOf(counts.households()));
		details.put("persons", String.valueOf(counts.persons()));
		details.put("accounts", String.valueOf(counts.accounts()));
		details.put("forms", String.valueOf(counts.forms()));
		details.put("mails", String.valueOf(counts.mails()));
		audit.record(new AuditLog.Event(RetentionAuditEvent.RETENTION_RUN.name(), tenantId, "SYSTEM", ACTOR, null,
				"tenant:" + tenantId, null, details));
		return counts;
	}

	/** Calendar years in Japan time, so 29 February falls back to 28 February. */
	static Instant yearsBefore(Instant now, int years) {
		return ZonedDateTime.ofInstant(now, JapanTime.ZONE).minusYears(years).toInstant();
	}

}
