package jp.kennin.survey;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.RosterCsv;
import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Once opened, a campaign's 内訳 is what its forms hold, and a roster import made after
 * opening is reported as a change instead of silently changing the numbers.
 */
@KenninIntegrationTest
class CampaignBreakdownIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	RosterImports imports;

	@Autowired
	Campaigns campaigns;

	@Test
	void an_opened_campaign_shows_its_forms_and_what_a_later_roster_import_changed() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "内訳テスト健保");
		importRoster(tenant,
				RosterCsv.create()
					.insured("01", "1", "内訳 一郎", "ウチワケ イチロウ", "1970/01/01")
					.family("01", "1", "01", "妻", "内訳 花子", "ウチワケ ハナコ", "1972/01/01")
					.family("01", "1", "02", "長男", "内訳 太郎", "ウチワケ タロウ", "2004/01/01")
					.insured("01", "2", "内訳 二郎", "ウチワケ ジロウ", "1971/01/01")
					.family("01", "2", "01", "妻", "内訳 桜", "ウチワケ サクラ", "1973/01/01")
					.insured("01", "3", "内訳 三郎", "ウチワケ サブロウ", "1972/01/01")
					.family("01", "3", "01", "妻", "内訳 梅", "ウチワケ ウメ", "1974/01/01"));
		// An age rule too (everyone here is 16 or over on the day), as the selection SQL
		// then ends with its parameter.
		long id = campaigns.create(tenant.id(), CampaignIntegrationTests.draft(new TargetRules(LocalDate.of(2026, 4, 1),
				16, null, EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		assertThat(campaigns.breakdown(tenant.id(), id).fromForms()).isFalse();
		campaigns.open(tenant.id(), id);

		// After opening: household 3 leaves the roster, household 4 (two dependents)
		// joins it.
		importRoster(tenant,
				RosterCsv.create()
					.insured("01", "1", "内訳 一郎", "ウチワケ イチロウ", "1970/01/01")
					.family("01", "1", "01", "妻", "内訳 花子", "ウチワケ ハナコ", "1972/01/01")
					.family("01", "1", "02", "長男", "内訳 太郎", "ウチワケ タロウ", "2004/01/01")
					.insured("01", "2", "内訳 二郎", "ウチワケ ジロウ", "1971/01/01")
					.family("01", "2", "01", "妻", "内訳 桜", "ウチワケ サクラ", "1973/01/01")
					.insured("01", "4", "内訳 四郎", "ウチワケ シロウ", "1980/01/01")
					.family("01", "4", "01", "妻", "内訳 菊", "ウチワケ キク", "1982/01/01")
					.family("01", "4", "02", "長女", "内訳 蘭", "ウチワケ ラン", "2010/01/01"));
		assertThat(campaigns.preview(tenant.id(), id).dependents()).as("the roster now selects").isEqualTo(5);

		CampaignBreakdown breakdown = campaigns.breakdown(tenant.id(), id);
		assertThat(breakdown.fromForms()).isTrue();
		assertThat(breakdown.counts().households()).isEqualTo(3);
		assertThat(breakdown.counts().dependents()).isEqualTo(4);
		assertThat(breakdown.counts().offices()).singleElement().satisfies(o -> {
			assertThat(o.officeName()).isEqualTo("本社");
			assertThat(o.households()).isEqualTo(3);
		});
		assertThat(breakdown.sinceOpening()).isEqualTo(new CampaignBreakdown.RosterChanges(1, 1, 1, 2));

		mvc.perform(get("/admin/campaigns/{id}", id).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(allOf(containsString("調査票の内訳"), containsString("調査票：3世帯、被扶養者4人"),
					containsString("調査票のある 1世帯・被扶養者1人が名簿から外れたか"),
					containsString("1世帯・被扶養者2人が新たに調査の条件に当てはまるようになりましたが、調査票はありません。"),
					not(containsString("対象：3世帯、被扶養者5人")))));
	}

	private void importRoster(Tenant tenant, RosterCsv csv) {
		var result = imports.run(new ImportRequest(tenant.id(), RosterImports.Mode.SNAPSHOT, RosterImports.Source.CLI,
				"roster.csv", "test", null, null, false), new ByteArrayInputStream(csv.utf8()), null);
		assertThat(result.applied()).as(result.errors().toString()).isTrue();
	}

}
