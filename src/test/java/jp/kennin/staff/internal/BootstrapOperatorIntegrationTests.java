package jp.kennin.staff.internal;

import org.junit.jupiter.api.Test;

import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@KenninIntegrationTest
class BootstrapOperatorIntegrationTests {

	@Autowired
	StaffAccounts accounts;

	@Test
	void creates_the_operator_once_and_leaves_it_alone_on_later_starts() {
		String id = "boot-" + System.nanoTime();
		new BootstrapOperator(accounts, id, "Bootstrap-password-1").createIfMissing();
		var created = accounts.findByLoginId(id).orElseThrow();
		assertThat(created.role()).isEqualTo(StaffRole.OPERATOR);
		assertThat(created.tenantId()).isNull();
		new BootstrapOperator(accounts, id, "Another-password-22").createIfMissing();
		assertThat(accounts.findByLoginId(id).orElseThrow().id()).isEqualTo(created.id());
	}

	@Test
	void refuses_a_short_password_and_does_nothing_without_an_id() {
		String id = "boot-short-" + System.nanoTime();
		new BootstrapOperator(accounts, id, "short").createIfMissing();
		assertThat(accounts.exists(id)).isFalse();
		new BootstrapOperator(accounts, "", "Bootstrap-password-1").createIfMissing();
	}

}
