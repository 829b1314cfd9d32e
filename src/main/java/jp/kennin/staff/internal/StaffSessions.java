package jp.kennin.staff.internal;

import java.util.Map;

import jp.kennin.platform.StaffActor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a staff account's sessions on every node: they live in the database, where Spring
 * Session indexes each by a principal name. The staff chain keeps its security context
 * under its own key ({@link StaffActor#SESSION_CONTEXT_KEY}), which Spring Session's
 * default index does not read, so {@link #index} names staff sessions
 * {@code staff:<account id>} (member user IDs cannot contain a colon). A session holding
 * a member login as well keeps the member's name, so the member side can still end it;
 * such a session is ended at its next staff request by the account version check instead.
 */
@Component
class StaffSessions {

	private static final PrincipalNameIndexResolver<Session> MEMBERS = new PrincipalNameIndexResolver<>();

	/** Absent when the application runs without the web server (the command line). */
	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	StaffSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	static String indexName(long staffId) {
		return "staff:" + staffId;
	}

	/**
	 * The principal name Spring Session stores for the session: the member's, else the
	 * staff account's.
	 */
	static String index(Session session) {
		String member = MEMBERS.resolveIndexValueFor(session);
		if (member != null) {
			return member;
		}
		Object context = session.getAttribute(StaffActor.SESSION_CONTEXT_KEY);
		if (context instanceof SecurityContext security && security.getAuthentication() != null
				&& security.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
			return indexName(staff.id());
		}
		return null;
	}

	/**
	 * Ends every session of the account except {@code keepSessionId} (null ends all);
	 * returns how many.
	 */
	int endAll(long staffId, String keepSessionId) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		Map<String, ? extends Session> found = repository.findByIndexNameAndIndexValue(
				FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, indexName(staffId));
		int ended = 0;
		for (String id : found.keySet()) {
			if (!id.equals(keepSessionId)) {
				repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
