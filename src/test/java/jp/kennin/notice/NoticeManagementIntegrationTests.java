package jp.kennin.notice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.notice.internal.NoticeManagement;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notice, its attachment and its audit record commit together: an upload that breaks
 * off while the file is stored leaves no notice and no audit record behind, and a role
 * that may not write notices changes nothing.
 */
@KenninIntegrationTest
class NoticeManagementIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n% notice management\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	NoticeManagement management;

	@Autowired
	Notices notices;

	@Autowired
	AuditLog audit;

	@Autowired
	Tenants tenants;

	Tenant tenant;

	StaffActor admin;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "お知らせ管理健保");
		admin = new StaffActor("notice-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.7");
	}

	@Test
	void a_notice_with_its_attachment_is_recorded_with_its_typed_event() throws IOException {
		long id = management.create(admin, false, draft("持ち物のご案内"),
				NoticeManagement.Upload.of("C:\\Users\\案内.pdf", PDF.length, () -> new ByteArrayInputStream(PDF)));

		Notice notice = notices.find(tenant.id(), id).orElseThrow();
		assertThat(notice.attachmentName()).isEqualTo("案内.pdf");
		assertThat(events()).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(NoticeAuditEvent.NOTICE_CREATED.name());
			assertThat(e.target()).isEqualTo("notice:" + id);
			assertThat(e.actorId()).isEqualTo("notice-admin");
			assertThat(e.actorRole()).isEqualTo("TENANT_ADMIN");
			assertThat(e.ip()).isEqualTo("192.0.2.7");
			assertThat(e.details()).containsEntry("scope", "tenant");
		});
	}

	@Test
	void an_attachment_name_with_a_nul_character_is_stored_without_it() throws IOException {
		long id = management.create(admin, false, draft("持ち物"),
				NoticeManagement.Upload.of("案内\u0000\ud800.pdf", PDF.length, () -> new ByteArrayInputStream(PDF)));

		assertThat(notices.find(tenant.id(), id).orElseThrow().attachmentName()).isEqualTo("案内.pdf");
	}

	@Test
	void an_attachment_that_fails_to_store_leaves_neither_notice_nor_audit_record() {
		NoticeManagement.Upload broken = NoticeManagement.Upload.of("案内.pdf", 1_000_000, BrokenUpload::new);

		assertThatThrownBy(() -> management.create(admin, false, draft("途中で切れた案内"), broken))
			.isInstanceOf(IOException.class);

		assertThat(notices.all(tenant.id())).extracting(Notice::title).doesNotContain("途中で切れた案内");
		assertThat(events()).isEmpty();
	}

	@Test
	void a_reviewer_writes_no_notice_and_nothing_is_recorded() {
		StaffActor reviewer = new StaffActor("notice-reviewer", StaffActor.REVIEWER, tenant.id());

		assertThatThrownBy(() -> management.create(reviewer, false, draft("審査担当の案内"), null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> management.create(admin, true, draft("サイトの案内"), null))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(notices.all(tenant.id())).isEmpty();
		assertThat(events()).isEmpty();
	}

	private static NoticeManagement.Draft draft(String title) {
		return new NoticeManagement.Draft(LocalDate.of(2026, 4, 1), title, "本文", null, null);
	}

	private List<AuditEntry> events() {
		return audit.search(new AuditLog.Query(tenant.id(), null, null, null, null, 50))
			.stream()
			.filter(e -> e.type().startsWith("NOTICE_"))
			.toList();
	}

	/**
	 * The first bytes of a PDF, then the connection drops, as when a browser gives up
	 * half-way.
	 */
	static class BrokenUpload extends InputStream {

		private int sent;

		@Override
		public int read() throws IOException {
			if (sent < PDF.length) {
				return PDF[sent++];
			}
			throw new IOException("connection reset by peer");
		}

	}

}
