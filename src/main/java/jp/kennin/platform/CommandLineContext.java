package jp.kennin.platform;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application context of a command such as {@code import-roster}: the modules'
 * services on the configured database, so a command has the same effects as the same
 * action on a page (audit, events, sessions ended), but none of the web layer (no server,
 * controllers, filter chains or MVC configuration), no scheduled jobs and no demo data.
 */
public final class CommandLineContext {

	private CommandLineContext() {
	}

	/** Starts the command's context; its log shows warnings and errors only. */
	public static ConfigurableApplicationContext start(Class<?> application) {
		return new SpringApplicationBuilder(application, CommandLineBeans.class).web(WebApplicationType.NONE)
			.initializers(context -> context.getBeanFactory()
				.registerSingleton(WebOnlyComponents.class.getName(), new WebOnlyComponents()))
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=warn")
			// As arguments, these win over application.yml and the environment (default
			// properties would not).
			.run("--kennin.scheduling.enabled=false", "--kennin.demo.enabled=false");
	}

	/**
	 * Leaves the web layer out of component scanning: the {@code web} packages (by the
	 * project's convention only web code lives there), controllers and their advice,
	 * servlet filters, MVC configuration and configuration classes that build security
	 * filter chains.
	 */
	static final class WebOnlyComponents extends TypeExcludeFilter {

		private static final Set<String> WEB_BEAN_TYPES = Set.of("org.springframework.security.web.SecurityFilterChain",
				"org.springframework.boot.web.servlet.FilterRegistrationBean",
				"org.springframework.boot.web.servlet.ServletRegistrationBean");

		private static final AssignableTypeFilter FILTER = new AssignableTypeFilter(Filter.class);

		private static final AssignableTypeFilter MVC_CONFIGURER = new AssignableTypeFilter(WebMvcConfigurer.class);

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			AnnotationMetadata type = reader.getAnnotationMetadata();
			return type.getClassName().contains(".web.") || type.isAnnotated(Controller.class.getName())
					|| type.isAnnotated(ControllerAdvice.class.getName())
					|| type.getDeclaredMethods()
						.stream()
						.anyMatch(m -> m.isAnnotated(Bean.class.getName())
								&& WEB_BEAN_TYPES.contains(m.getReturnTypeName()))
					|| FILTER.match(reader, factory) || MVC_CONFIGURER.match(reader, factory);
		}

		@Override
		public boolean equals(Object other) {
			return other != null && getClass() == other.getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

	/**
	 * Registered as a source of the command's context only. Deliberately not a
	 * {@code @Configuration}: component scanning would put its session store into the
	 * server too, where Spring Boot's own must be used.
	 */
	static class CommandLineBeans {

		/**
		 * Spring Boot sets up the session store for web applications only, but sessions
		 * are rows in the database that a command may have to end (a member deactivated
		 * by an import loses their sessions). Configured like Boot's: the default tables,
		 * the same serialisation, no clean-up job.
		 */
		@Bean
		JdbcIndexedSessionRepository commandLineSessionRepository(JdbcTemplate jdbc,
				PlatformTransactionManager transactionManager) {
			TransactionTemplate tx = new TransactionTemplate(transactionManager);
			tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(jdbc, tx);
			GenericConversionService conversions = new GenericConversionService();
			conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
			conversions.addConverter(byte[].class, Object.class,
					new DeserializingConverter(CommandLineContext.class.getClassLoader()));
			sessions.setConversionService(conversions);
			sessions.setCleanupCron(Scheduled.CRON_DISABLED);
			return sessions;
		}

	}

}
