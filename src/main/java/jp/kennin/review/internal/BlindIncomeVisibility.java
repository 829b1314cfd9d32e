package jp.kennin.review.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jp.kennin.review.BlindIncomes;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.StaffIncomeVisibility;
import jp.kennin.survey.SurveyReviewSteps;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blind double entry's rule for the survey module's staff pages (the staff survey
 * form): the same dependents stay hidden as on the review screen
 * ({@link BlindIncomes.BlindIncomeView#hidden}), those with a member figure and no entry
 * yet.
 */
@Component
@Transactional(readOnly = true)
class BlindIncomeVisibility implements StaffIncomeVisibility {

	private final SurveyReviewSteps forms;

	private final ReviewRepository reviews;

	private final IncomeEntryRepository entries;

	BlindIncomeVisibility(SurveyReviewSteps forms, ReviewRepository reviews, IncomeEntryRepository entries) {
		this.forms = forms;
		this.reviews = reviews;
		this.entries = entries;
	}

	@Override
	public Set<Long> hiddenIncome(long tenantId, long formId) {
		if (!reviews.settings(tenantId).blindIncome()) {
			return Set.of();
		}
		var form = forms.find(tenantId, formId);
		if (form.isEmpty()) {
			return Set.of();
		}
		Map<Long, IncomeEntryRepository.Entry> saved = reviews.find(tenantId, formId)
			.map(c -> entries.entries(tenantId, c.id()))
			.orElse(Map.of());
		Set<Long> hidden = new HashSet<>();
		for (FormDependent d : form.get().dependents()) {
			if (BlindIncomes.memberFigure(form.get().answers(d.id())) != null && !saved.containsKey(d.id())) {
				hidden.add(d.id());
			}
		}
		return hidden;
	}

	@Override
	public boolean blindEntryOn(long tenantId) {
		return reviews.settings(tenantId).blindIncome();
	}

	@Override
	public Set<String> incomeWarnings() {
		return BlindIncomes.INCOME_WARNINGS;
	}

}
