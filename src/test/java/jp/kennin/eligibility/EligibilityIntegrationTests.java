package jp.kennin.eligibility;

import java.time.LocalDate;

import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@KenninIntegrationTest
class EligibilityIntegrationTests {

	@Autowired
	Eligibility eligibility;

	@Autowired
	Tenants tenants;

	private static EligibilityInput student(LocalDate reference, long income) {
		return EligibilityInput.builder()
			.relationship("長男")
			.birthDate(LocalDate.of(2006, 5, 20))
			.student("〇〇大学", "2年")
			.income(IncomeKind.SALARY, income)
			.referenceDate(reference)
			.build();
	}

	@Test
	void a_tenant_override_applies_from_its_date_and_only_to_that_tenant() {
		Tenant strict = TestTenants.create(tenants, "厳しい健康保険組合");
		Tenant other = TestTenants.create(tenants, "ふつうの健康保険組合");
		RuleParameters own = new RuleParameters(LocalDate.of(2026, 4, 1), 1_200_000, 1_400_000L, 19, 22, 1_700_000, 60,
				75);

		eligibility.setParameters(strict.id(), own);

		assertThat(eligibility.tenantParameters(strict.id())).containsExactly(own);
		assertThat(eligibility.evaluate(strict.id(), student(LocalDate.of(2026, 9, 1), 1_450_000)).warningCodes())
			.containsExactly("INCOME_OVER_LIMIT");
		assertThat(eligibility.evaluate(strict.id(), student(LocalDate.of(2026, 3, 31), 1_450_000)).incomeLimit())
			.isEqualTo(1_500_000);
		assertThat(eligibility.evaluate(other.id(), student(LocalDate.of(2026, 9, 1), 1_450_000)).warnings()).isEmpty();
		assertThat(eligibility.tenantParameters(other.id())).isEmpty();
	}

	@Test
	void setting_the_same_date_again_replaces_and_removing_restores_the_defaults() {
		Tenant tenant = TestTenants.create(tenants, "設定の健康保険組合");
		LocalDate from = LocalDate.of(2025, 10, 1);
		eligibility.setParameters(tenant.id(), new RuleParameters(from, 1_300_000, null, 19, 22, 1_800_000, 60, 75));
		RuleParameters replaced = new RuleParameters(from, 1_300_000, 1_550_000L, 19, 22, 1_800_000, 60, 75);

		eligibility.setParameters(tenant.id(), replaced);

		assertThat(eligibility.parametersOn(tenant.id(), LocalDate.of(2026, 1, 1))).isEqualTo(replaced);
		assertThat(eligibility.removeParameters(tenant.id(), from)).isTrue();
		assertThat(eligibility.parametersOn(tenant.id(), LocalDate.of(2026, 1, 1)))
			.isEqualTo(RuleParameters.SINCE_2025_10);
		assertThat(eligibility.removeParameters(tenant.id(), from)).isFalse();
	}

}
