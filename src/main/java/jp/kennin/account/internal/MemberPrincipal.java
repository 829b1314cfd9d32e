package jp.kennin.account.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import jp.kennin.platform.MemberAccountPrincipal;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in member, kept in the JDBC session. The user ID is the principal name, which
 * Spring Session indexes, so all sessions of a member can be found and ended.
 */
public final class MemberPrincipal implements UserDetails, CredentialsContainer, MemberAccountPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final long tenantId;

	private final long rosterPersonId;

	private final String userId;

	private final String name;

	private final String kigo;

	private final String bango;

	private String passwordHash;

	public MemberPrincipal(long accountId, long tenantId, long rosterPersonId, String userId, String name, String kigo,
			String bango, String passwordHash) {
		this.accountId = accountId;
		this.tenantId = tenantId;
		this.rosterPersonId = rosterPersonId;
		this.userId = userId;
		this.name = name;
		this.kigo = kigo;
		this.bango = bango;
		this.passwordHash = passwordHash;
	}

	public long accountId() {
		return accountId;
	}

	@Override
	public Long tenantId() {
		return tenantId;
	}

	public long rosterPersonId() {
		return rosterPersonId;
	}

	public String name() {
		return name;
	}

	@Override
	public String kigo() {
		return kigo;
	}

	@Override
	public String bango() {
		return bango;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return userId;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
