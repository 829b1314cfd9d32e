package jp.kennin.notice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.notice.Notice;
import jp.kennin.notice.NoticeAuditEvent;
import jp.kennin.notice.Notices;
import jp.kennin.platform.StaffActor;
import jp.kennin.platform.UploadedFileNames;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing notices: サイトからのお知らせ (site scope) for operators, 健康保険組合からのお知らせ for an insurer's
 * TENANT_ADMIN in their own tenant. A notice outside the actor's scope does not exist for
 * them. The notice, its attachment and its audit record commit together or not at all (a
 * failed upload leaves no notice).
 */
@Service
@Transactional(rollbackFor = Exception.class)
public class NoticeManagement {

	static final int FILE_NAME_MAX = 200;

	private final Notices notices;

	private final AuditLog audit;

	NoticeManagement(Notices notices, AuditLog audit) {
		this.notices = notices;
		this.audit = audit;
	}

	/** What staff typed; the caller has parsed dates and checked the window. */
	public record Draft(LocalDate date, String title, String body, Instant publishFrom, Instant publishUntil) {
	}

	/**
	 * A PDF the caller has checked (size, magic bytes); {@code content} is read once,
	 * inside the transaction.
	 */
	public record Upload(String fileName, long size, InputStreamSource content) {

		/**
		 * Keeps the last path segment of the name a browser sent, at most 200 characters.
		 */
		public static Upload of(String originalName, long size, InputStreamSource content) {
			return new Upload(UploadedFileNames.clean(originalName, "attachment.pdf", FILE_NAME_MAX), size, content);
		}

	}

	@Transactional(readOnly = true)
	public List<Notice> list(StaffActor actor, boolean site) {
		return notices.all(scope(actor, site));
	}

	@Transactional(readOnly = true)
	public Optional<Notice> find(StaffActor actor, boolean site, long id) {
		return notices.find(scope(actor, site), id);
	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException for staff outside
	 * the scope's role
	 */
	public void checkEditor(StaffActor actor, boolean site) {
		scope(actor, site);
	}

	/**
	 * @param attachment null for none
	 */
	public long create(StaffActor actor, boolean site, Draft draft, Upload attachment) throws IOException {
		Long scope = scope(actor, site);
		long id = notices.create(scope, draft.date(), draft.title(), draft.body(), draft.publishFrom(),
				draft.publishUntil());
		attach(scope, id, attachment);
		record(NoticeAuditEvent.NOTICE_CREATED, actor, scope, id);
		return id;
	}

	/**
	 * @return false if the notice is not in the actor's scope
	 */
	public boolean update(StaffActor actor, boolean site, long id, Draft draft, boolean removeAttachment,
			Upload attachment) throws IOException {
		Long scope = scope(actor, site);
		if (!notices.update(scope, id, draft.date(), draft.title(), draft.body(), draft.publishFrom(),
				draft.publishUntil())) {
			return false;
		}
		if (removeAttachment) {
			notices.removeAttachment(scope, id);
		}
		attach(scope, id, attachment);
		record(NoticeAuditEvent.NOTICE_UPDATED, actor, scope, id);
		return true;
	}

	/**
	 * @return false if the notice is not in the actor's scope
	 */
	public boolean delete(StaffActor actor, boolean site, long id) throws IOException {
		Long scope = scope(actor, site);
		if (!notices.delete(scope, id)) {
			return false;
		}
		record(NoticeAuditEvent.NOTICE_DELETED, actor, scope, id);
		return true;
	}

	/** The attachment of a notice in the actor's scope, published or not. */
	@Transactional(readOnly = true)
	public Optional<InputStream> openAttachment(StaffActor actor, boolean site, long id) throws IOException {
		return notices.openAttachment(scope(actor, site), id);
	}

	private void attach(Long scope, long id, Upload attachment) throws IOException {
		if (attachment != null) {
			try (InputStream in = attachment.content().getInputStream()) {
				notices.attach(scope, id, attachment.fileName(), attachment.size(), in);
			}
		}
	}

	/**
	 * Site notices belong to operators; an insurer's to its TENANT_ADMIN, in their own
	 * tenant only.
	 */
	private static Long scope(StaffActor actor, boolean site) {
		if (site) {
			actor.require(StaffActor.OPERATOR);
			return null;
		}
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

	private void record(NoticeAuditEvent type, StaffActor actor, Long scope, long id) {
		audit.record(AuditLog.Event.byStaff(type, scope, actor, "notice:" + id,
				Map.of("scope", scope == null ? "site" : "tenant")));
	}

}
