package jp.kennin.account.internal;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a member's sessions on every node (they live in the database, indexed by principal
 * name).
 */
@Component
public class MemberSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the member except {@code keepSessionId} (null ends all). */
	public int endAll(String userId, String keepSessionId) {
		Map<String, ? extends Session> found = sessions.findByPrincipalName(userId);
		int ended = 0;
		for (String id : found.keySet()) {
			if (!id.equals(keepSessionId)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
