package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which version of the terms each member accepted, and when.
 */
@Repository
public class TermsConsents {

	private final JdbcClient jdbc;

	private final Clock clock;

	TermsConsents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The highest version the member accepted, 0 if none. */
	public int acceptedVersion(long tenantId, long accountId) {
		return jdbc
			.sql("select coalesce(max(version), 0) from member_terms_consent where tenant_id = ? and account_id = ?")
			.params(tenantId, accountId)
			.query(Integer.class)
			.single();
	}

	public void accept(long tenantId, long accountId, int version) {
		if (acceptedVersion(tenantId, accountId) >= version) {
			return;
		}
		jdbc.sql("insert into member_terms_consent (tenant_id, account_id, version, accepted_at) values (?, ?, ?, ?)")
			.params(tenantId, accountId, version, Timestamp.from(clock.instant()))
			.update();
	}

}
