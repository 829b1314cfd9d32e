package jp.kennin.subsidy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kennin.subsidy.internal.PaymentBatchRepository.WaitingYear;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled cut-off of payment batches, once per cluster: for every insurer and
 * fiscal year with approved claims in no batch, the year's last cut-off day before today
 * (Japan time) forms a batch of the claims approved until its end, once per cut-off day
 * ({@code subsidy_cutoff_run}). Runs hourly, so a cut-off missed while the application
 * was down is made up at the next run.
 */
@Component
class PaymentCutoffJob {

	private static final Logger log = LoggerFactory.getLogger(PaymentCutoffJob.class);

	private final PaymentBatchRepository batches;

	private final SubsidyPaymentsManagement payments;

	PaymentCutoffJob(PaymentBatchRepository batches, SubsidyPaymentsManagement payments) {
		this.batches = batches;
		this.payments = payments;
	}

	// Hourly at minute 10 Japan time; held for most of the hour so one node runs it.
	@Scheduled(cron = "${kennin.subsidy.cutoff-cron:0 10 * * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "subsidy-cutoff", lockAtLeastFor = "PT50M", lockAtMostFor = "PT55M")
	void run() {
		runOnce().forEach(id -> log.info("Subsidy payment batch {} formed at the cut-off", id));
	}

	/** One run over every insurer; also what tests call. */
	List<Long> runOnce() {
		List<Long> formed = new ArrayList<>();
		for (WaitingYear year : batches.waitingYears()) {
			try {
				Optional<Long> batch = payments.closeAtCutoff(year.tenantId(), year.fiscalYear());
				batch.ifPresent(formed::add);
			}
			catch (RuntimeException ex) {
				// one insurer's failure (rolled back) must not keep the others' batches
				// from forming; the next run tries it again
				log.error("Subsidy cut-off failed for tenant {} fiscal year {}", year.tenantId(), year.fiscalYear(),
						ex);
			}
		}
		return formed;
	}

}
