package jp.kennin.survey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.survey.internal.DocumentChoice;

import org.springframework.util.MultiValueMap;

/**
 * The check page's choices for missing documents: one {@code required} hidden field per
 * missing document ({@code <dependent>-<slot>}), with {@code choice-<key>} (MAIL or
 * UNABLE) and {@code reason-<key>}.
 */
final class DocumentChoiceForm {

	private static final Pattern KEY = Pattern.compile("(\\d{1,18})-([A-Z0-9_]{1,40})");

	private DocumentChoiceForm() {
	}

	static List<DocumentChoice.Input> from(MultiValueMap<String, String> params) {
		List<DocumentChoice.Input> inputs = new ArrayList<>();
		List<String> keys = params.getOrDefault("required", List.of());
		for (String key : keys) {
			Matcher m = KEY.matcher(key);
			if (!m.matches()) {
				continue;
			}
			inputs.add(new DocumentChoice.Input(Long.parseLong(m.group(1)), m.group(2),
					kind(params.getFirst("choice-" + key)), params.getFirst("reason-" + key)));
		}
		return inputs;
	}

	private static DocumentChoice.Kind kind(String value) {
		if (value == null) {
			return null;
		}
		try {
			return DocumentChoice.Kind.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
