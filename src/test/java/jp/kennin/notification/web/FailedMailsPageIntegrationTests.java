package jp.kennin.notification.web;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operators see failed mails on {@code /admin/mail/failed} without bodies, with the
 * recipient masked, and queue one again with 「再送する」.
 */
@KenninIntegrationTest
class FailedMailsPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditLog audit;

	@Test
	void a_failed_mail_is_listed_without_its_body_and_retry_queues_it_again_audited() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "送信失敗の保険者");
		String to = "failedpage" + System.nanoTime() + "@example.jp";
		Instant now = Instant.now();
		jdbc.sql("""
				insert into mail_outbox (tenant_id, from_address, from_name, to_address, subject, body, status,
				  attempts, next_attempt_at, created_at, last_error)
				values (?, 'noreply@example.jp', 'Kennin', ?, '確認コードのお知らせ', '確認コード 918273', 'FAILED', 5, ?, ?,
				  '550 mailbox unavailable')""")
			.params(tenant.id(), to, Timestamp.from(now), Timestamp.from(now))
			.update();
		long id = jdbc.sql("select id from mail_outbox where to_address = ?").param(to).query(Long.class).single();

		String page = mvc.perform(get("/admin/mail/failed").with(TestStaff.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("送信できなかったメール")
			.contains("送信失敗の保険者（" + tenant.id() + "）")
			.contains(to.substring(0, 2) + "****@example.jp")
			.doesNotContain(to)
			.contains("確認コードのお知らせ")
			.contains("550 mailbox unavailable")
			.doesNotContain("918273")
			.contains("/admin/mail/failed/" + id + "/retry")
			.contains("再送する");

		mvc.perform(post("/admin/mail/failed/" + id + "/retry").with(TestStaff.operator()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/mail/failed/" + id + "/retry").with(TestStaff.operator()).with(csrf()))
			.andExpect(redirectedUrl("/admin/mail/failed"))
			.andExpect(flash().attribute("retried", id));
		String status = jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single();
		// The dispatcher of this context may already have taken the mail again.
		assertThat(status).isNotEqualTo("FAILED");
		AuditEntry event = audit.search(new AuditLog.Query(null, null, null, null, "mail:" + id, 5)).get(0);
		assertThat(event.type()).isEqualTo("MAIL_RETRIED");
		assertThat(event.actorRole()).isEqualTo("OPERATOR");

		mvc.perform(post("/admin/mail/failed/" + id + "/retry").with(TestStaff.operator()).with(csrf()))
			.andExpect(flash().attribute("notFailed", id));
		mvc.perform(get("/admin/mail/failed").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isForbidden());
	}

}
