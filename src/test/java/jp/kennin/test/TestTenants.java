package jp.kennin.test;

import java.util.concurrent.atomic.AtomicInteger;

import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

/**
 * Fresh tenants with unique codes, so tests sharing one database never see each other's
 * data.
 */
public final class TestTenants {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private TestTenants() {
	}

	public static Tenant create(Tenants tenants, String name) {
		return create(tenants, name, PasswordPolicyPreset.SEED);
	}

	public static Tenant create(Tenants tenants, String name, PasswordPolicyPreset policy) {
		String code = "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
		return tenants.create(new Tenants.NewTenant(code, name, code + "@kenpo.example", name,
				new Tenant.SupportDesk("03-0000-0000", "平日9時～17時", "help@" + code + ".example", null), policy));
	}

}
