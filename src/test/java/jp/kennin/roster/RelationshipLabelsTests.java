package jp.kennin.roster;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 続柄 in English for every word the roster accepts; Japanese and unknown words as stored.
 */
class RelationshipLabelsTests {

	final RelationshipLabels labels = new RelationshipLabels(messages());

	@Test
	void english_names_the_relationship() {
		assertThat(labels.label("妻", Locale.ENGLISH)).isEqualTo("wife");
		assertThat(labels.label("夫", Locale.ENGLISH)).isEqualTo("husband");
		assertThat(labels.label("長男", Locale.ENGLISH)).isEqualTo("eldest son");
		assertThat(labels.label("次女", Locale.ENGLISH)).isEqualTo("second daughter");
		assertThat(labels.label("祖母", Locale.ENGLISH)).isEqualTo("grandmother");
		assertThat(labels.label("義母", Locale.ENGLISH)).isEqualTo("mother-in-law");
		assertThat(labels.label(" 母 ", Locale.ENGLISH)).isEqualTo("mother");
	}

	@Test
	void every_word_the_roster_accepts_has_an_english_label() {
		for (String word : RelationshipLabels.CODES.keySet()) {
			assertThat(RelationshipCategory.fromWord(word)).as(word).isNotNull();
			assertThat(labels.label(word, Locale.ENGLISH)).as(word).isNotEqualTo(word).matches("[a-z -]+");
		}
		for (String word : new String[] { "本人", "配偶者", "夫", "妻", "子", "長男", "長女", "次男", "次女", "三男", "三女", "父", "母",
				"義父", "義母", "祖父", "祖母", "孫", "兄", "姉", "弟", "妹", "その他" }) {
			assertThat(RelationshipLabels.CODES).as(word).containsKey(word);
		}
	}

	@Test
	void japanese_and_unknown_words_stay_as_stored() {
		assertThat(labels.label("長男", Locale.JAPANESE)).isEqualTo("長男");
		assertThat(labels.label("叔父", Locale.ENGLISH)).isEqualTo("叔父");
		assertThat(labels.label(null, Locale.ENGLISH)).isNull();
	}

	private static ReloadableResourceBundleMessageSource messages() {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames("classpath:messages/roster");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(Locale.JAPANESE);
		return source;
	}

}
