package jp.kennin.audit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.kennin.audit.AuditAuditEvent;
import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 監査ログ for staff: operators read every event, an insurer's TENANT_ADMIN their tenant's,
 * reviewers none. Dates are whole days in Japan time. Read-only: nothing here changes or
 * deletes an event.
 */
@Service
@Transactional(readOnly = true)
public class AuditLogViewer {

	private final AuditLog audit;

	AuditLogViewer(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * What staff typed into the filter; {@code from} and {@code until} are dates
	 * ({@code yyyy-MM-dd} or {@code yyyy/MM/dd}), blank for no limit. An unreadable date
	 * is no limit: check with {@link #date} first.
	 */
	public record Filter(String from, String until, String actor, String target) {
	}

	/**
	 * For a download: refuses before the caller starts writing the response.
	 * @throws org.springframework.security.access.AccessDeniedException for reviewers
	 */
	public void checkViewer(StaffActor viewer) {
		viewer.require(StaffActor.OPERATOR, StaffActor.TENANT_ADMIN);
	}

	/** Newest first, at most {@code limit}. */
	public List<AuditEntry> search(StaffActor viewer, Filter filter, int limit) {
		return audit.search(query(viewer, filter, limit));
	}

	/**
	 * Streams the matching entries, newest first. The export is recorded first and on its
	 * own, so it stays in the log even if the download breaks off after part of the log
	 * has left.
	 */
	public void export(StaffActor viewer, Filter filter, Consumer<AuditEntry> sink) {
		AuditLog.Query query = query(viewer, filter, Integer.MAX_VALUE);
		audit.recordNow(AuditLog.Event.byStaff(AuditAuditEvent.AUDIT_LOG_EXPORTED, viewer.tenantId(), viewer, null, Map
			.of("from", filter.from(), "until", filter.until(), "actor", filter.actor(), "target", filter.target())));
		audit.forEach(query, sink);
	}

	/** The typed date, or null when blank or unreadable. */
	public static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip().replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private AuditLog.Query query(StaffActor viewer, Filter filter, int limit) {
		checkViewer(viewer);
		LocalDate from = date(filter.from());
		LocalDate until = date(filter.until());
		return new AuditLog.Query(viewer.operator() ? null : viewer.requireTenant(),
				from == null ? null : from.atStartOfDay(JapanTime.ZONE).toInstant(),
				until == null ? null : until.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant(),
				filter.actor().strip(), filter.target().strip(), limit);
	}

}
