package jp.kennin.roster;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A 続柄 as the viewer reads it: {@code ${@relationships.label(d.relationship)}}. The
 * roster keeps the word as written (妻, 長男 …); Japanese screens show it unchanged, English
 * ones translate the words the roster format allows ({@link RelationshipCategory})
 * through {@code roster.relationship.*} and show any other word as stored.
 */
@Component("relationships")
public class RelationshipLabels {

	/** The message code of each word the roster format allows. */
	static final Map<String, String> CODES = Map.ofEntries(Map.entry("本人", "SELF"), Map.entry("配偶者", "SPOUSE"),
			Map.entry("夫", "HUSBAND"), Map.entry("妻", "WIFE"), Map.entry("子", "CHILD"), Map.entry("長男", "ELDEST_SON"),
			Map.entry("長女", "ELDEST_DAUGHTER"), Map.entry("次男", "SECOND_SON"), Map.entry("次女", "SECOND_DAUGHTER"),
			Map.entry("三男", "THIRD_SON"), Map.entry("三女", "THIRD_DAUGHTER"), Map.entry("父", "FATHER"),
			Map.entry("母", "MOTHER"), Map.entry("義父", "FATHER_IN_LAW"), Map.entry("義母", "MOTHER_IN_LAW"),
			Map.entry("祖父", "GRANDFATHER"), Map.entry("祖母", "GRANDMOTHER"), Map.entry("孫", "GRANDCHILD"),
			Map.entry("兄", "ELDER_BROTHER"), Map.entry("姉", "ELDER_SISTER"), Map.entry("弟", "YOUNGER_BROTHER"),
			Map.entry("妹", "YOUNGER_SISTER"), Map.entry("その他", "OTHER"));

	private final MessageSource messages;

	RelationshipLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The word in the viewer's language. */
	public String label(String word) {
		return label(word, LocaleContextHolder.getLocale());
	}

	/** The word in the given language; Japanese and unknown words come back as stored. */
	public String label(String word, Locale locale) {
		return label(word, messages, locale);
	}

	/**
	 * As {@link #label(String, Locale)}, for code that has a message source but no bean
	 * (the PDF copy).
	 */
	public static String label(String word, MessageSource messages, Locale locale) {
		if (word == null || locale == null || !"en".equals(locale.getLanguage())) {
			return word;
		}
		String code = CODES.get(word.strip());
		return code == null ? word : messages.getMessage("roster.relationship." + code, null, word, locale);
	}

}
