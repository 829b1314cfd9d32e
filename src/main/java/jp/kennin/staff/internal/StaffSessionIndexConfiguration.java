package jp.kennin.staff.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** Lets Spring Session index staff sessions too (see {@link StaffSessions#index}). */
@Configuration(proxyBeanMethods = false)
class StaffSessionIndexConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> staffSessionIndex() {
		IndexResolver<Session> resolver = session -> {
			Map<String, String> indexes = new HashMap<>();
			String name = StaffSessions.index(session);
			if (name != null) {
				indexes.put(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name);
			}
			return indexes;
		};
		return repository -> repository.setIndexResolver(resolver);
	}

}
