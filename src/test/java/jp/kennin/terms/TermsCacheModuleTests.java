package jp.kennin.terms;

import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.terms.internal.TermsManagement;
import jp.kennin.test.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current terms version with the read cache on (an hour, so nothing expires during
 * the test): a version published on this node is enforced at once, and one whose
 * transaction rolls back is never served from the cache. The publication is always rolled
 * back: the H2 database is shared with every other test context.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@TestPropertySource(properties = "kennin.cache.ttl=1h")
@Import(TestClockConfiguration.class)
class TermsCacheModuleTests {

	private static final StaffActor OPERATOR = new StaffActor("op-terms-cache", StaffActor.OPERATOR, null);

	@Autowired
	TermsManagement management;

	@Autowired
	TermsOfUse terms;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_publication_is_seen_at_once_and_a_rolled_back_one_is_never_served() {
		int before = terms.current().version();
		assertThat(terms.current().version()).as("served from the cache").isEqualTo(before);

		Integer seenInside = transactions.execute(tx -> {
			management.publish(OPERATOR, "利用規約（キャッシュ確認）", "第1条 改訂");
			int inside = terms.current().version();
			tx.setRollbackOnly();
			return inside;
		});

		assertThat(seenInside).as("the publisher sees its version at once").isEqualTo(before + 1);
		assertThat(terms.current().version()).as("the rolled-back version is not kept").isEqualTo(before);
	}

	@Test
	void a_committed_publication_replaces_the_cached_version_at_once() {
		int before = terms.current().version();
		TermsVersion published = management.publish(OPERATOR, "利用規約（キャッシュ確認・確定）", "第2条 改訂");
		try {
			assertThat(terms.current().version()).isEqualTo(published.version()).isEqualTo(before + 1);
		}
		finally {
			// Other test contexts share the database; their members must not be asked to
			// consent again. This context (its own, by its properties) ends with the
			// class.
			jdbc.sql("delete from terms_version where version = ?").param(published.version()).update();
		}
	}

}
