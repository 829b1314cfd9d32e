package jp.kennin.review;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.kennin.platform.NoControlCharacters;

/**
 * The rules for an insurer's 不備 reason templates, shared by the settings page (to show
 * the message next to the field) and {@link Reviews#changeSettings} (which applies them).
 */
public final class ReasonTemplates {

	public static final int MAX_COUNT = 30;

	public static final int MAX_LENGTH = 40;

	private ReasonTemplates() {
	}

	/** One template a line as typed; blank lines are dropped, each line trimmed. */
	public static List<String> parse(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	/**
	 * The message key (review bundle) of the first rule the templates break, or null when
	 * they are fine.
	 */
	public static String problem(List<String> templates) {
		if (templates.size() > MAX_COUNT) {
			return "review.settings.error.templatesCount";
		}
		Set<String> seen = new HashSet<>();
		for (String t : templates) {
			if (NoControlCharacters.Check.found(t, false)) {
				return "review.settings.error.templatesControl";
			}
			if (t.isBlank() || t.length() > MAX_LENGTH) {
				return "review.settings.error.templatesLength";
			}
			if (!seen.add(t)) {
				return "review.settings.error.templatesDuplicate";
			}
		}
		return null;
	}

}
