package jp.kennin.account.internal;

import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.stereotype.Component;

/**
 * The tenant and roster facts a page about an account needs (policy, names, context
 * words).
 */
@Component
public class AccountFacts {

	public record Facts(Tenant tenant, RosterPerson person, PasswordPolicy.Context context) {
	}

	private final Tenants tenants;

	private final Roster roster;

	AccountFacts(Tenants tenants, Roster roster) {
		this.tenants = tenants;
		this.roster = roster;
	}

	public Facts of(MemberAccount account) {
		Tenant tenant = tenants.findById(account.tenantId()).orElseThrow();
		RosterPerson person = roster.findById(account.tenantId(), account.rosterPersonId()).orElseThrow();
		return new Facts(tenant, person,
				new PasswordPolicy.Context(account.userId(), person.birthDate(), tenant.code()));
	}

}
