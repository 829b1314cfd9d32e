package jp.kennin.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Locale;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.Decision;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.survey.FormDependent;

import org.springframework.context.MessageSource;

/**
 * What a decision needs: 削除 a 喪失日 and a 事由, 保留 a note; and how it is written to the
 * history.
 */
final class DecisionRules {

	static final int NOTE_MAX = 1000;

	private DecisionRules() {
	}

	/** The decision as stored: fields that do not apply are dropped, notes trimmed. */
	static DependentDecision check(DependentDecision d) {
		if (d == null || d.decision() == null) {
			throw new ReviewProblem("review.problem.decisionRequired");
		}
		String note = d.note() == null || d.note().isBlank() ? null : d.note().strip();
		if (note != null && note.length() > NOTE_MAX) {
			throw new ReviewProblem("review.problem.noteTooLong");
		}
		return switch (d.decision()) {
			case REMOVE -> {
				if (d.lossDate() == null) {
					throw new ReviewProblem(ReviewProblem.LOSS_DATE_REQUIRED);
				}
				if (d.reason() == null) {
					throw new ReviewProblem(ReviewProblem.REASON_REQUIRED);
				}
				yield new DependentDecision(Decision.REMOVE, d.lossDate(), d.reason(), note);
			}
			case HOLD -> new DependentDecision(Decision.HOLD, null, null, required(note, ReviewProblem.NOTE_REQUIRED));
			case CONTINUE -> new DependentDecision(Decision.CONTINUE, null, null, note);
		};
	}

	static String required(String text, String problemKey) {
		if (text == null || text.isBlank()) {
			throw new ReviewProblem(problemKey);
		}
		return text.strip();
	}

	static Map<String, String> details(FormDependent dependent, DependentDecision d) {
		Map<String, String> out = new LinkedHashMap<>();
		out.put("edaban", dependent.edaban());
		out.put("decision", d.decision().name());
		if (d.decision() == Decision.REMOVE) {
			out.put("lossDate", d.lossDate().toString());
			out.put("reason", d.reason().name());
		}
		return out;
	}

	/**
	 * The history's detail as staff read it (in Japanese, the staff default), so the
	 * history needs no lookup to be understood: 「削除 喪失日 2026/04/01 就職 note」.
	 */
	static String describe(DependentDecision d, MessageSource messages) {
		StringBuilder s = new StringBuilder(text(messages, "review.decision." + d.decision().name()));
		if (d.decision() == Decision.REMOVE) {
			s.append(' ')
				.append(text(messages, "review.decision.lossDateIs", JapanTime.formatDate(d.lossDate())))
				.append(' ')
				.append(text(messages, "review.lossReason." + d.reason().name()));
		}
		if (d.note() != null) {
			s.append(' ').append(d.note());
		}
		return s.length() > 2000 ? s.substring(0, 2000) : s.toString();
	}

	private static String text(MessageSource messages, String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.JAPANESE);
	}

}
