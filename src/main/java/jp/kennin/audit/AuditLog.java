package jp.kennin.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.kennin.platform.StaffActor;

/**
 * Writes and reads audit events. Writing joins the caller's transaction, so an action and
 * its audit record commit or roll back together; failures that must be recorded anyway
 * use {@link #recordNow}.
 */
public interface AuditLog {

	void record(Event event);

	/**
	 * Records in a transaction of its own (for failures whose surrounding transaction
	 * rolls back).
	 */
	void recordNow(Event event);

	/** Newest first; {@code tenantId} null means all tenants (operators only). */
	List<AuditEntry> search(Query query);

	/**
	 * Streams every entry matching the query (its {@code limit} is ignored), newest
	 * first, without loading them all into memory; for the CSV export.
	 */
	void forEach(Query query, Consumer<AuditEntry> sink);

	record Event(String type, Long tenantId, String actorKind, String actorId, String actorRole, String target,
			String ip, Map<String, String> details) {

		public Event {
			details = details == null ? Map.of() : Map.copyOf(details);
		}

		/**
		 * What a staff member did, with a typed event (each module's audit enum; the
		 * stored type is the constant's name) and the actor's login, role and IP.
		 */
		public static Event byStaff(Enum<?> type, Long tenantId, StaffActor actor, String target,
				Map<String, String> details) {
			return new Event(type.name(), tenantId, StaffActor.KIND, actor.loginId(), actor.role(), target, actor.ip(),
					details);
		}

	}

	record Query(Long tenantId, Instant from, Instant until, String actorId, String target, int limit) {
	}

}
