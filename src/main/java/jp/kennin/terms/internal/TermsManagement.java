package jp.kennin.terms.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.terms.TermsAuditEvent;
import jp.kennin.terms.TermsOfUse;
import jp.kennin.terms.TermsVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Terms of use versions for operators only. A published version is effective at once and
 * never edited; the version and its audit record commit together.
 */
@Service
@Transactional
public class TermsManagement {

	private final TermsOfUse terms;

	private final AuditLog audit;

	TermsManagement(TermsOfUse terms, AuditLog audit) {
		this.terms = terms;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<TermsVersion> versions(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
		return terms.versions();
	}

	@Transactional(readOnly = true)
	public Optional<TermsVersion> find(StaffActor actor, int version) {
		actor.require(StaffActor.OPERATOR);
		return terms.find(version);
	}

	@Transactional(readOnly = true)
	public TermsVersion current(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
		return terms.current();
	}

	/** Publishes the next version; members consent again at their next request. */
	public TermsVersion publish(StaffActor actor, String title, String body) {
		actor.require(StaffActor.OPERATOR);
		TermsVersion published = terms.publish(title, body, actor.loginId());
		audit.record(AuditLog.Event.byStaff(TermsAuditEvent.TERMS_PUBLISHED, null, actor,
				"terms_version:" + published.version(), Map.of("title", published.title())));
		return published;
	}

}
