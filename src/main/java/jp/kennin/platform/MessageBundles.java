package jp.kennin.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every bundle under {@code messages/} is used: a module adds
 * {@code messages/<module>_ja.properties} and {@code _en} without editing shared
 * configuration. Japanese is the default and the fallback.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	static final String PATTERN = "classpath*:messages/*_ja.properties";

	@Bean
	MessageSource messageSource() throws IOException {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames(basenames());
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(Locale.JAPANESE);
		source.setCacheMillis(-1);
		return source;
	}

	static String[] basenames() throws IOException {
		TreeSet<String> names = new TreeSet<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
			String file = r.getFilename();
			names.add("classpath:messages/" + file.substring(0, file.length() - "_ja.properties".length()));
		}
		return names.toArray(String[]::new);
	}

}
