package jp.kennin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Japanese message has an English one and the other way round, in every bundle.
 */
class I18nPropertiesSyncTests {

	@Test
	void every_bundle_has_the_same_keys_in_japanese_and_english() throws IOException {
		Resource[] japanese = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:messages/*_ja.properties");
		assertThat(japanese).isNotEmpty();
		for (Resource ja : japanese) {
			Resource en = ja.createRelative(ja.getFilename().replace("_ja.properties", "_en.properties"));
			assertThat(en.exists()).as("English bundle for %s", ja.getFilename()).isTrue();
			TreeSet<String> jaKeys = keys(ja);
			TreeSet<String> enKeys = keys(en);
			assertThat(enKeys).as("keys of %s missing in English", ja.getFilename()).containsAll(jaKeys);
			assertThat(jaKeys).as("keys of %s missing in Japanese", en.getFilename()).containsAll(enKeys);
			load(ja).forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, ja.getFilename()).isNotBlank());
			load(en).forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, en.getFilename()).isNotBlank());
		}
	}

	private static TreeSet<String> keys(Resource r) throws IOException {
		return new TreeSet<>(load(r).stringPropertyNames());
	}

	private static Properties load(Resource r) throws IOException {
		Properties p = new Properties();
		try (var reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		return p;
	}

}
