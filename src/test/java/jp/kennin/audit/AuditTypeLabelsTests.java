package jp.kennin.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed audit event has a label in both languages, so the audit log never shows its
 * code. The events are found by name (each module's {@code *AuditEvent} enum), so a new
 * module's events are checked without anyone remembering to list them here.
 */
class AuditTypeLabelsTests {

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void every_typed_event_has_a_label(String language) throws IOException {
		Properties labels = new Properties();
		// Modules may keep their labels in their own bundle (review does); the message
		// source reads them all.
		for (Resource bundle : new PathMatchingResourcePatternResolver()
			.getResources("classpath:/messages/*_" + language + ".properties")) {
			try (var in = bundle.getInputStream()) {
				labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		List<Class<?>> events = auditEventTypes();
		assertThat(events).hasSizeGreaterThan(10);
		events.stream()
			.flatMap(type -> Stream.of(type.getEnumConstants()))
			.map(constant -> ((Enum<?>) constant).name())
			.forEach(type -> assertThat(labels.getProperty("audit.type." + type)).as(type).isNotBlank());
	}

	private static List<Class<?>> auditEventTypes() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*AuditEvent")));
		return scanner.findCandidateComponents("jp.kennin")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map(name -> ClassUtils.resolveClassName(name, AuditTypeLabelsTests.class.getClassLoader()))
			.filter(Class::isEnum)
			.<Class<?>>map(type -> type)
			.toList();
	}

}
