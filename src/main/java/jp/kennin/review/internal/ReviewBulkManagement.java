package jp.kennin.review.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.review.Decision;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewBulkApprovals;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.Reviews;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyBulkReview;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static jp.kennin.review.ReviewAuditEvent.BULK_APPROVAL_PREVIEWED;
import static jp.kennin.review.ReviewAuditEvent.BULK_APPROVED;
import static jp.kennin.review.ReviewAuditEvent.BULK_BATCH_VIEWED;
import static jp.kennin.review.ReviewAuditEvent.BULK_FORM_APPROVED;
import static jp.kennin.review.ReviewAuditEvent.BULK_FORM_SAMPLED;

/**
 * Bulk approval through the individual review's own use cases ({@link Reviews}: start, 継続
 * per dependent, 確認完了), so its rules, history and audit apply unchanged; each form runs
 * in a transaction of its own, and a refusal rolls back that form only and counts it as
 * skipped.
 */
@Service
class ReviewBulkManagement implements ReviewBulkApprovals {

	private static final Logger log = LoggerFactory.getLogger(ReviewBulkManagement.class);

	static final String BULK_SAMPLED_EVENT = "BULK_SAMPLED";

	private static final int SKIPPED_IN_DETAILS = 50;

	private final Campaigns campaigns;

	private final SurveyBulkReview bulk;

	private final SurveyReviewSteps forms;

	private final Reviews reviews;

	private final ReviewRepository cases;

	private final ReviewBulkRepository batches;

	private final ReviewAudit audit;

	private final Clock clock;

	private final TransactionTemplate perForm;

	private final TransactionTemplate inCaller;

	private final SecureRandom random = new SecureRandom();

	private final BulkOffers offers;

	ReviewBulkManagement(Campaigns campaigns, SurveyBulkReview bulk, SurveyReviewSteps forms, Reviews reviews,
			ReviewRepository cases, ReviewBulkRepository batches, ReviewAudit audit, Clock clock,
			PlatformTransactionManager transactions, BulkOffers offers) {
		this.offers = offers;
		this.campaigns = campaigns;
		this.bulk = bulk;
		this.forms = forms;
		this.reviews = reviews;
		this.cases = cases;
		this.batches = batches;
		this.audit = audit;
		this.clock = clock;
		this.perForm = new TransactionTemplate(transactions);
		this.perForm.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.inCaller = new TransactionTemplate(transactions);
	}

	@Override
	public Preview preview(ReviewActor actor, long campaignId, List<Selection> selected) {
		return inCaller.execute(tx -> {
			Campaign campaign = campaign(actor, campaignId);
			List<Selection> distinct = distinct(selected);
			bulk.fillPrechecks(actor.tenantId(), distinct.stream().map(Selection::formId).toList());
			List<Selection> eligible = distinct.stream().filter(s -> eligible(actor, campaignId, s)).toList();
			int percent = reviews.settings(actor.tenantId()).bulkSamplePercent();
			int toSample = ReviewBulkApprovals.sampleSize(eligible.size(), percent);
			audit.record(BULK_APPROVAL_PREVIEWED, actor, "campaign:" + campaignId,
					Map.of("selected", String.valueOf(distinct.size()), "eligible", String.valueOf(eligible.size()),
							"toSample", String.valueOf(toSample)));
			return new Preview(campaign, eligible, distinct.size() - eligible.size(), toSample, percent);
		});
	}

	@Override
	public Batch batch(ReviewActor actor, long campaignId, long batchId) {
		return inCaller.execute(tx -> {
			Campaign campaign = campaign(actor, campaignId);
			var row = batches.find(actor.tenantId(), batchId)
				.filter(b -> b.campaignId() == campaignId)
				.orElseThrow(ReviewNotFound::new);
			audit.record(BULK_BATCH_VIEWED, actor, "review_bulk_batch:" + batchId, Map.of());
			return new Batch(row.id(), campaign, row.actor(), row.startedAt(), row.samplePercent(), row.selected(),
					row.approved(), row.sampled(), row.skipped(), bulk.setAside(actor.tenantId(), batchId));
		});
	}

	@Override
	public Result approve(ReviewActor actor, long campaignId, List<Selection> selected) {
		List<Selection> distinct = distinct(selected);
		int percent = reviews.settings(actor.tenantId()).bulkSamplePercent();
		long batch = inCaller.execute(tx -> {
			campaign(actor, campaignId);
			return batches.openBatch(actor.tenantId(), campaignId, actor.loginId(), percent, distinct.size(),
					clock.instant());
		});
		List<Selection> eligible = inCaller
			.execute(tx -> distinct.stream().filter(s -> eligible(actor, campaignId, s)).toList());
		List<Selection> shuffled = new ArrayList<>(eligible);
		Collections.shuffle(shuffled, random);
		int toSample = ReviewBulkApprovals.sampleSize(shuffled.size(), percent);
		Set<Long> sample = shuffled.subList(0, toSample).stream().map(Selection::formId).collect(Collectors.toSet());
		List<Long> sampled = new ArrayList<>();
		List<Long> skipped = new ArrayList<>();
		Set<Long> eligibleIds = eligible.stream().map(Selection::formId).collect(Collectors.toSet());
		distinct.stream().filter(s -> !eligibleIds.contains(s.formId())).forEach(s -> skipped.add(s.formId()));
		int approved = 0;
		for (Selection s : eligible) {
			boolean setAside = sample.contains(s.formId());
			try {
				perForm.executeWithoutResult(tx -> {
					if (setAside) {
						setAside(actor, campaignId, s, batch);
					}
					else {
						approveOne(actor, campaignId, s, batch);
					}
				});
				if (setAside) {
					sampled.add(s.formId());
				}
				else {
					approved++;
				}
			}
			catch (Skip | ReviewProblem | ReviewNotFound | SurveyReviewSteps.FormStepRefused | DataAccessException ex) {
				log.debug("bulk approval {} skipped form {}: {}", batch, s.formId(), ex.toString());
				skipped.add(s.formId());
			}
		}
		int done = approved;
		inCaller.executeWithoutResult(tx -> {
			batches.closeBatch(actor.tenantId(), batch, done, sampled.size(), skipped.size(), clock.instant());
			Map<String, String> details = new LinkedHashMap<>();
			details.put("batch", String.valueOf(batch));
			details.put("selected", String.valueOf(distinct.size()));
			details.put("approved", String.valueOf(done));
			details.put("sampled", String.valueOf(sampled.size()));
			details.put("skipped", String.valueOf(skipped.size()));
			details.put("samplePercent", String.valueOf(percent));
			if (!skipped.isEmpty()) {
				details.put("skippedForms",
						skipped.stream()
							.limit(SKIPPED_IN_DETAILS)
							.map(String::valueOf)
							.collect(Collectors.joining(",")));
			}
			audit.record(BULK_APPROVED, actor, "campaign:" + campaignId, details);
		});
		return new Result(batch, distinct.size(), approved, sampled.size(), skipped.size(), List.copyOf(sampled));
	}

	/** Marked for individual review: 審査中 (assigned to the actor if it was 提出済み), 「抽出」. */
	private void setAside(ReviewActor actor, long campaignId, Selection s, long batch) {
		var candidate = require(actor, campaignId, s);
		if (candidate.status() == SurveyStatus.State.SUBMITTED) {
			reviews.start(actor, s.formId());
		}
		var review = cases.find(actor.tenantId(), s.formId()).orElseThrow(Skip::new);
		bulk.markSampled(actor.tenantId(), s.formId(), batch);
		cases.addEvent(actor.tenantId(), review.id(), BULK_SAMPLED_EVENT, null, "batch:" + batch, actor.loginId(),
				actor.role(), clock.instant());
		audit.form(BULK_FORM_SAMPLED, actor, s.formId(), Map.of("batch", String.valueOf(batch)));
	}

	/** Start (if 提出済み), 継続 for every dependent, 確認完了: the individual review's steps. */
	private void approveOne(ReviewActor actor, long campaignId, Selection s, long batch) {
		var candidate = require(actor, campaignId, s);
		if (candidate.status() == SurveyStatus.State.SUBMITTED) {
			reviews.start(actor, s.formId());
		}
		var review = cases.find(actor.tenantId(), s.formId()).orElseThrow(Skip::new);
		if (batches.anyDecisionRow(actor.tenantId(), review.id())) {
			throw new Skip(); // decided in part already (or earlier): a person finishes
								// it
		}
		List<FormDependent> dependents = forms.find(actor.tenantId(), s.formId()).orElseThrow(Skip::new).dependents();
		for (FormDependent d : dependents) {
			reviews.decide(actor, s.formId(), version(actor, s.formId()), d.id(),
					new Reviews.DependentDecision(Decision.CONTINUE, null, null, null));
		}
		reviews.complete(actor, s.formId(), version(actor, s.formId()));
		bulk.markBulkApproved(actor.tenantId(), s.formId(), batch);
		cases.addEvent(actor.tenantId(), review.id(), BULK_APPROVED.name(), null, "batch:" + batch, actor.loginId(),
				actor.role(), clock.instant());
		audit.form(BULK_FORM_APPROVED, actor, s.formId(),
				Map.of("batch", String.valueOf(batch), "dependents", String.valueOf(dependents.size())));
	}

	private SurveyBulkReview.Candidate require(ReviewActor actor, long campaignId, Selection s) {
		if (!eligible(actor, campaignId, s)) {
			throw new Skip();
		}
		return bulk.candidate(actor.tenantId(), s.formId()).orElseThrow(Skip::new);
	}

	/**
	 * Clean as the form is now, the version the staff member saw, in this campaign, and
	 * what {@link BulkOffers} asks (documents 確認済, none 不備, no decision yet, blind
	 * entries made): the same rule that offers the queue's tick box.
	 */
	private boolean eligible(ReviewActor actor, long campaignId, Selection s) {
		var candidate = bulk.candidate(actor.tenantId(), s.formId());
		if (candidate.isEmpty() || candidate.get().campaignId() != campaignId
				|| candidate.get().version() != s.version() || !candidate.get().clean()) {
			return false;
		}
		var form = forms.find(actor.tenantId(), s.formId()).orElse(null);
		return form != null && offers
			.accepted(actor.tenantId(),
					List.of(new BulkOffers.FormRef(s.formId(), form.form().kigo(), form.form().bango())))
			.contains(s.formId());
	}

	private int version(ReviewActor actor, long formId) {
		return cases.find(actor.tenantId(), formId).orElseThrow(Skip::new).version();
	}

	private Campaign campaign(ReviewActor actor, long campaignId) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators approve forms");
		}
		return campaigns.find(actor.tenantId(), campaignId).orElseThrow(ReviewNotFound::new);
	}

	private static List<Selection> distinct(List<Selection> selected) {
		Set<Long> seen = new HashSet<>();
		List<Selection> out = new ArrayList<>();
		for (Selection s : selected == null ? List.<Selection>of() : selected) {
			if (out.size() < MAX_FORMS && seen.add(s.formId())) {
				out.add(s);
			}
		}
		return out;
	}

	/**
	 * A form that is no longer what was selected: skipped, its transaction rolled back.
	 */
	private static final class Skip extends RuntimeException {

		Skip() {
			super("skipped", null, false, false);
		}

	}

}
