package jp.kennin.survey;

import java.util.List;

/**
 * The questions for one dependent, one page each, in order. Pages after the first apply
 * only while the dependent stays insured.
 */
public enum SurveyStep {

	CONTINUATION("continuation"), LIVING("living"), OCCUPATION("occupation"), INCOME("income"), RESIDENCE("residence"),
	DISABILITY("disability");

	private final String slug;

	SurveyStep(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

	public static SurveyStep fromSlug(String slug) {
		for (SurveyStep s : values()) {
			if (s.slug.equals(slug)) {
				return s;
			}
		}
		return null;
	}

	/** The step after this one for these answers, or null when the section is done. */
	public SurveyStep next(DependentAnswers answers) {
		if (!answers.staying() || this == DISABILITY) {
			return null;
		}
		return values()[ordinal() + 1];
	}

	public static List<SurveyStep> applicable(DependentAnswers answers) {
		return answers.staying() ? List.of(values()) : List.of(CONTINUATION);
	}

}
