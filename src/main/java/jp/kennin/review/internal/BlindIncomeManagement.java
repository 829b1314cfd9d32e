package jp.kennin.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jp.kennin.review.BlindIncomes;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.Reviews.ReviewSettings;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveyStatus;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.kennin.review.ReviewAuditEvent.INCOME_ENTERED;

/**
 * Blind double entry of the income figure: role check, tenant scope, version check,
 * entry, history and audit record in one transaction.
 */
@Service
@Transactional
class BlindIncomeManagement implements BlindIncomes {

	/** Above this (1,000億円) an amount is a typing mistake. */
	private static final long MAX_YEN = 100_000_000_000L;

	private final SurveyReviewSteps forms;

	private final ReviewRepository reviews;

	private final IncomeEntryRepository entries;

	private final ReviewAudit audit;

	private final Clock clock;

	private final MessageSource messages;

	private final IncomeMismatchFlags flags;

	BlindIncomeManagement(SurveyReviewSteps forms, ReviewRepository reviews, IncomeEntryRepository entries,
			ReviewAudit audit, Clock clock, MessageSource messages, IncomeMismatchFlags flags) {
		this.flags = flags;
		this.forms = forms;
		this.reviews = reviews;
		this.entries = entries;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	@Transactional(readOnly = true)
	public BlindIncomeView view(ReviewActor actor, long formId) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		ReviewSettings settings = reviews.settings(actor.tenantId());
		Map<Long, IncomeEntryRepository.Entry> saved = reviews.find(actor.tenantId(), formId)
			.map(c -> entries.entries(actor.tenantId(), c.id()))
			.orElse(Map.of());
		Map<Long, IncomeCheck> checks = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			Long member = BlindIncomes.memberFigure(form.answers(d.id()));
			IncomeEntryRepository.Entry e = saved.get(d.id());
			if (e != null) {
				checks.put(d.id(), new IncomeCheck(e.enteredYen(), member != null ? member : e.memberYen(),
						e.mismatch(member), e.enteredBy(), e.enteredAt()));
			}
			else if (member != null) {
				checks.put(d.id(), new IncomeCheck(null, settings.blindIncome() ? null : member, false, null, null));
			}
		}
		return new BlindIncomeView(settings.blindIncome(), settings.incomeToleranceYen(), checks);
	}

	@Override
	public void enterIncome(ReviewActor actor, long formId, int version, long dependentId, long yen) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		FormDependent dependent = form.dependents()
			.stream()
			.filter(d -> d.id() == dependentId)
			.findFirst()
			.orElseThrow(ReviewNotFound::new);
		if (form.form().status() != SurveyStatus.State.IN_REVIEW) {
			throw new ReviewProblem(ReviewProblem.NOT_IN_REVIEW);
		}
		var review = reviews.find(actor.tenantId(), formId)
			.orElseThrow(() -> new ReviewProblem(ReviewProblem.NOT_IN_REVIEW));
		if (yen < 0 || yen > MAX_YEN) {
			throw new ReviewProblem(INVALID);
		}
		Long member = BlindIncomes.memberFigure(form.answers(dependentId));
		if (member == null) {
			throw new ReviewProblem(NO_FIGURE);
		}
		if (entries.entries(actor.tenantId(), review.id()).containsKey(dependentId)) {
			throw new ReviewProblem(ALREADY_ENTERED);
		}
		if (!reviews.bump(actor.tenantId(), review.id(), version, now())) {
			throw new ReviewProblem(ReviewProblem.STALE);
		}
		int tolerance = reviews.settings(actor.tenantId()).incomeToleranceYen();
		entries.add(actor.tenantId(), review.id(), dependentId, yen, member, tolerance, actor.loginId(), now());
		boolean mismatch = Math.abs(yen - member) > tolerance;
		flags.refresh(actor.tenantId(), form, review.id());
		reviews.addEvent(actor.tenantId(), review.id(), INCOME_ENTERED.name(), dependentId,
				describe(yen, member, mismatch), actor.loginId(), actor.role(), now());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("edaban", dependent.edaban());
		details.put("enteredYen", String.valueOf(yen));
		details.put("memberYen", String.valueOf(member));
		details.put("toleranceYen", String.valueOf(tolerance));
		details.put("mismatch", String.valueOf(mismatch));
		audit.form(INCOME_ENTERED, actor, formId, details);
	}

	/**
	 * The history's words (Japanese, the staff default), e.g. 「証明書 1,200,000円／申告
	 * 1,150,000円」.
	 */
	private String describe(long entered, long member, boolean mismatch) {
		String text = messages.getMessage("review.blind.history", new Object[] { String.format("%,d", entered),
				String.format("%,d", member), String.format("%,d", Math.abs(entered - member)) }, Locale.JAPANESE);
		return mismatch ? text + " " + messages.getMessage("review.blind.mismatch", null, Locale.JAPANESE) : text;
	}

	private ReviewedForm form(ReviewActor actor, long formId) {
		return forms.find(actor.tenantId(), formId).orElseThrow(ReviewNotFound::new);
	}

	private static void requireReviewer(ReviewActor actor) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators review forms");
		}
	}

	private Instant now() {
		return clock.instant();
	}

}
