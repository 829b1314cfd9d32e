package jp.kennin.terms;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.terms.internal.TermsManagement;
import jp.kennin.test.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The terms module on its own: only its beans and those of the modules it depends on
 * (audit, platform) are started, so its rules are shown to hold without the web layer or
 * the account module. Each test rolls back: the H2 database is shared with every other
 * test context, and a published version would make their members consent again.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@Transactional
class TermsModuleTests {

	private static final StaffActor OPERATOR = new StaffActor("op-terms-module", StaffActor.OPERATOR, null);

	@Autowired
	TermsManagement management;

	@Autowired
	TermsOfUse terms;

	@Autowired
	AuditLog audit;

	@Test
	void an_operator_publishes_the_next_version_and_its_audit_record_commits_with_it() {
		int before = terms.current().version();

		TermsVersion published = management.publish(OPERATOR, "利用規約（第二版）", "第1条（適用）改訂");

		assertThat(published.version()).isEqualTo(before + 1);
		assertThat(terms.current().title()).isEqualTo("利用規約（第二版）");
		List<AuditEntry> entries = audit.search(
				new AuditLog.Query(null, null, null, OPERATOR.loginId(), "terms_version:" + published.version(), 5));
		assertThat(entries).singleElement()
			.satisfies(e -> assertThat(e.type()).isEqualTo(TermsAuditEvent.TERMS_PUBLISHED.name()));
	}

	@Test
	void an_insurer_admin_may_not_publish_and_nothing_is_written() {
		int before = terms.current().version();
		StaffActor admin = new StaffActor("admin-terms-module", StaffActor.TENANT_ADMIN, 1L);

		assertThatThrownBy(() -> management.publish(admin, "勝手な規約", "本文")).isInstanceOf(AccessDeniedException.class);

		assertThat(terms.current().version()).isEqualTo(before);
		assertThat(audit.search(new AuditLog.Query(null, null, null, admin.loginId(), null, 5))).isEmpty();
	}

	@Test
	void an_empty_title_is_refused() {
		assertThatThrownBy(() -> management.publish(OPERATOR, " ", "本文")).isInstanceOf(IllegalArgumentException.class);
	}

}
