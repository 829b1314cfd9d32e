package jp.kennin.platform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.kennin.account.internal.Secrets;
import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.test.HttpVisitor;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application took for a visitor's address, seen where it matters: a failed
 * member login over real HTTP (through Tomcat, where forwarded headers are read) writes
 * an audit record with the address and counts the failure against the per-address login
 * throttle.
 */
final class ClientAddressProbe {

	private final int port;

	private final AuditLog audit;

	private final Secrets secrets;

	private final JdbcClient jdbc;

	ClientAddressProbe(int port, AuditLog audit, Secrets secrets, JdbcClient jdbc) {
		this.port = port;
		this.audit = audit;
		this.secrets = secrets;
		this.jdbc = jdbc;
	}

	/**
	 * Fails one login with the given request headers; returns the address its audit
	 * record holds.
	 */
	String auditedAddressOfFailedLogin(String... headers) throws Exception {
		HttpVisitor visitor = new HttpVisitor(port);
		HttpResponse<String> page = visitor.get("/login");
		String userId = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> posted = visitor.post("/login",
				Map.of("userId", userId, "password", "wrong-password-1!", "_csrf", HttpVisitor.csrf(page)), headers);
		assertThat(posted.statusCode()).isEqualTo(302);
		String actor = "hash:" + secrets.hmac(userId).substring(0, 16);
		List<AuditEntry> entries = audit.search(new AuditLog.Query(null, null, null, actor, null, 5));
		assertThat(entries).as("audit record of the failed login").hasSize(1);
		return entries.get(0).ip();
	}

	/** Failed logins counted against this address by the per-address login throttle. */
	int loginFailuresCountedFor(String address) {
		return jdbc.sql("select count(*) from member_throttle_event where scope = 'LOGIN_IP' and key_hash = ?")
			.param(secrets.hmac(address))
			.query(Integer.class)
			.single();
	}

}
