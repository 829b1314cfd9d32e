package jp.kennin.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Reading and creating tenants. Lookups by code take the normalised code (see
 * {@link TenantCode}).
 */
public interface Tenants {

	Optional<Tenant> findById(long id);

	Optional<Tenant> findByCode(String code);

	List<Tenant> findAll();

	/**
	 * Creates a tenant.
	 * @throws IllegalArgumentException if the code is malformed or already used
	 */
	Tenant create(NewTenant tenant);

	/** Changes everything but the code, which is immutable. */
	Tenant update(long id, NewTenant values);

	/**
	 * {@code memberNumberGuidance} may be null: the insurer then relies on the generic
	 * text alone.
	 */
	record NewTenant(String code, String name, String mailFromAddress, String mailFromName,
			Tenant.SupportDesk supportDesk, PasswordPolicyPreset passwordPolicy, String memberNumberGuidance) {

		public NewTenant(String code, String name, String mailFromAddress, String mailFromName,
				Tenant.SupportDesk supportDesk, PasswordPolicyPreset passwordPolicy) {
			this(code, name, mailFromAddress, mailFromName, supportDesk, passwordPolicy, null);
		}

	}

}
