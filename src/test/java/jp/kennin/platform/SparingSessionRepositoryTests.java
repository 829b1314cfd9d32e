package jp.kennin.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class SparingSessionRepositoryTests {

	/** Counts what reaches the store underneath. */
	static final class CountingStore extends MapSessionRepository
			implements FindByIndexNameSessionRepository<MapSession> {

		int saves;

		CountingStore() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			super.save(session);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

	final CountingStore store = new CountingStore();

	final SparingSessionRepository<MapSession> sessions = SparingSessionRepository.over(store, Duration.ofMinutes(1));

	@Test
	void a_new_session_is_written_and_an_unchanged_one_is_not() {
		var created = sessions.createSession();
		sessions.save(created);
		assertThat(store.saves).isEqualTo(1);

		var read = sessions.findById(created.getId());
		read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(30));
		read.getAttribute("anything");
		read.removeAttribute("never-set");
		read.setAttribute("never-set", null);
		sessions.save(read);
		assertThat(store.saves).as("a request that only read the session").isEqualTo(1);
	}

	/** A session as a later request finds it, stored once with the given timeout. */
	SparingSessionRepository.Sparing<MapSession> stored(Duration timeout) {
		var created = sessions.createSession();
		created.setMaxInactiveInterval(timeout);
		sessions.save(created);
		return sessions.findById(created.getId());
	}

	@Test
	void the_access_time_is_written_once_the_interval_has_passed() {
		var read = stored(Duration.ofMinutes(30));
		Instant written = read.getLastAccessedTime();
		read.setLastAccessedTime(written.plusSeconds(61));
		sessions.save(read);
		assertThat(store.saves).isEqualTo(2);
		assertThat(store.findById(read.getId()).getLastAccessedTime()).isEqualTo(written.plusSeconds(61));
	}

	@Test
	void changes_are_written_at_once() {
		var created = sessions.createSession();
		sessions.save(created);

		var read = sessions.findById(created.getId());
		read.setAttribute("csrf", "token");
		sessions.save(read);
		assertThat(store.saves).isEqualTo(2);
		assertThat(store.findById(created.getId()).<String>getAttribute("csrf")).isEqualTo("token");

		read = sessions.findById(created.getId());
		read.removeAttribute("csrf");
		sessions.save(read);
		assertThat(store.saves).isEqualTo(3);

		read = sessions.findById(created.getId());
		String before = read.getId();
		String after = read.changeSessionId();
		sessions.save(read);
		assertThat(store.findById(before)).isNull();
		assertThat(store.findById(after)).isNotNull();
	}

	@Test
	void a_short_timeout_writes_the_access_time_at_a_tenth_of_it() {
		var read = stored(Duration.ofMinutes(5));
		Instant written = read.getLastAccessedTime();
		read.setLastAccessedTime(written.plusSeconds(29));
		sessions.save(read);
		assertThat(store.saves).isEqualTo(1);
		read.setLastAccessedTime(written.plusSeconds(30));
		sessions.save(read);
		assertThat(store.saves).isEqualTo(2);
	}

}
