package jp.kennin.staff.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import jp.kennin.platform.StaffActor;
import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.platform.VersionedPrincipal;
import jp.kennin.staff.StaffRole;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in staff member, kept in the (database-backed) session; the password hash is
 * erased after authentication. {@link #accountVersion()} is the account's version at
 * login: every request compares it with the database (see {@link StaffSessionFilter}), so
 * a session never outlives a change of the account.
 */
class StaffPrincipal implements UserDetails, CredentialsContainer, TenantScopedPrincipal, VersionedPrincipal {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String loginId;

	private final String displayName;

	private final StaffRole role;

	private final Long tenantId;

	private String passwordHash;

	private final boolean enabled;

	private final boolean totpEnrolled;

	/**
	 * 0 in sessions stored before versions existed; the database starts at 1, so those
	 * never match.
	 */
	private final long accountVersion;

	StaffPrincipal(long id, String loginId, String displayName, StaffRole role, Long tenantId, String passwordHash,
			boolean enabled, boolean totpEnrolled, long accountVersion) {
		this.id = id;
		this.loginId = loginId;
		this.displayName = displayName;
		this.role = role;
		this.tenantId = tenantId;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.totpEnrolled = totpEnrolled;
		this.accountVersion = accountVersion;
	}

	/**
	 * The same staff member after a change they made themselves (their own password),
	 * which this session survives.
	 */
	StaffPrincipal withAccountVersion(long version) {
		return new StaffPrincipal(id, loginId, displayName, role, tenantId, null, enabled, totpEnrolled, version);
	}

	@Override
	public long accountVersion() {
		return accountVersion;
	}

	boolean totpEnrolled() {
		return totpEnrolled;
	}

	long id() {
		return id;
	}

	public String getDisplayName() {
		return displayName;
	}

	StaffRole role() {
		return role;
	}

	@Override
	public Long tenantId() {
		return tenantId;
	}

	/**
	 * Office contacts go without {@code ROLE_STAFF}: every staff URL not opened to them
	 * by name refuses them (see {@link StaffSecurityConfiguration}).
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		SimpleGrantedAuthority own = new SimpleGrantedAuthority(StaffActor.ROLE_PREFIX + role.name());
		if (role == StaffRole.OFFICE_CONTACT) {
			return List.of(own);
		}
		return List.of(new SimpleGrantedAuthority(StaffActor.ROLE_PREFIX + StaffActor.ANY_STAFF), own);
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return loginId;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

}
