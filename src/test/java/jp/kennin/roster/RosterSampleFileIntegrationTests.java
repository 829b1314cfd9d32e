package jp.kennin.roster;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample file documented in docs/roster-csv.md imports without errors, and as
 * documented.
 */
@KenninIntegrationTest
class RosterSampleFileIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Test
	void the_documented_sample_imports_as_documented() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "見本健保");
		try (InputStream in = Files.newInputStream(Path.of("docs", "roster-sample.csv"))) {
			var result = imports.run(new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.CLI, "roster-sample.csv",
					"test", null, null, false), in, null);
			assertThat(result.errors()).isEmpty();
			assertThat(result.counts().added()).isEqualTo(6);
		}
		var household = roster.household(tenant.id(), "01", "t011");
		assertThat(household).extracting(RosterPerson::birthDate)
			.containsExactly(LocalDate.of(1980, 4, 1), LocalDate.of(1982, 7, 15), LocalDate.of(2006, 5, 20),
					LocalDate.of(1950, 1, 3));
		assertThat(household.get(2).nameKana()).isEqualTo("オムロ\u3000イチロウ");
		assertThat(household.get(3).nameKana()).isEqualTo("オムロ\u3000ウメ");
		assertThat(household.get(3).livingTogether()).isFalse();
		assertThat(roster.findInsured(tenant.id(), "02", "1").orElseThrow().relationship()).isEqualTo("本人");
		assertThat(roster.household(tenant.id(), "02", "1").get(1).relationshipCategory())
			.isEqualTo(RelationshipCategory.SPOUSE);
	}

}
