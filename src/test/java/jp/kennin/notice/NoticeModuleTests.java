package jp.kennin.notice;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.notice.internal.NoticeManagement;
import jp.kennin.notice.internal.NoticeManagement.Draft;
import jp.kennin.notice.internal.NoticeManagement.Upload;
import jp.kennin.platform.StaffActor;
import jp.kennin.storage.FileStorage;
import jp.kennin.test.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notice module on its own (its beans and audit's; storage mocked): a notice and its
 * audit record commit together or not at all. Not rolled back by the test (the failure
 * case needs the service's own transaction); the notices are published only in 2099, so
 * no member page of another test context lists them, and each test deletes what it made.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NoticeModuleTests {

	private static final StaffActor OPERATOR = new StaffActor("op-notice-module", StaffActor.OPERATOR, null);

	private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");

	@Autowired
	NoticeManagement management;

	@Autowired
	AuditLog audit;

	// The storage module's own settings are bound for the whole application only; no
	// test here stores a file (the broken attachment fails before it reaches storage).
	@MockitoBean
	FileStorage storage;

	@Test
	void a_site_notice_and_its_audit_record_commit_together() throws IOException {
		long id = management.create(OPERATOR, true, draft("メンテナンスのお知らせ（モジュール）"), null);

		assertThat(management.find(OPERATOR, true, id))
			.hasValueSatisfying(n -> assertThat(n.title()).isEqualTo("メンテナンスのお知らせ（モジュール）"));
		assertThat(records("notice:" + id)).singleElement()
			.satisfies(e -> assertThat(e.type()).isEqualTo(NoticeAuditEvent.NOTICE_CREATED.name()));

		assertThat(management.delete(OPERATOR, true, id)).isTrue();
		assertThat(records("notice:" + id)).extracting(AuditEntry::type)
			.contains(NoticeAuditEvent.NOTICE_DELETED.name());
	}

	@Test
	void an_attachment_that_cannot_be_read_leaves_neither_the_notice_nor_an_audit_record() {
		String title = "添付の読めないお知らせ（モジュール）";
		Upload broken = Upload.of("案内.pdf", 1024, () -> {
			throw new IOException("connection reset while uploading");
		});

		long createdBefore = created();

		assertThatThrownBy(() -> management.create(OPERATOR, true, draft(title), broken))
			.isInstanceOf(IOException.class);

		assertThat(management.list(OPERATOR, true)).noneMatch(n -> n.title().equals(title));
		assertThat(created()).isEqualTo(createdBefore);
	}

	@Test
	void an_insurer_reviewer_may_not_write_a_site_notice_and_nothing_is_written() {
		StaffActor reviewer = new StaffActor("rev-notice-module", StaffActor.REVIEWER, 1L);

		assertThatThrownBy(() -> management.create(reviewer, true, draft("勝手なお知らせ"), null))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(management.list(OPERATOR, true)).noneMatch(n -> n.title().equals("勝手なお知らせ"));
		assertThat(audit.search(new AuditLog.Query(null, null, null, reviewer.loginId(), null, 5))).isEmpty();
	}

	private static Draft draft(String title) {
		return new Draft(LocalDate.of(2099, 1, 1), title, "本文です。", LATER, null);
	}

	private long created() {
		return audit.search(new AuditLog.Query(null, null, null, OPERATOR.loginId(), null, 500))
			.stream()
			.filter(e -> e.type().equals(NoticeAuditEvent.NOTICE_CREATED.name()))
			.count();
	}

	private List<AuditEntry> records(String target) {
		return audit.search(new AuditLog.Query(null, null, null, OPERATOR.loginId(), target, 10));
	}

}
