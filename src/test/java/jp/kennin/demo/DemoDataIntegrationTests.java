package jp.kennin.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.kennin.notice.Notices;
import jp.kennin.platform.KenninProperties;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@KenninIntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCampaign campaign;

	@Autowired
	jp.kennin.survey.MemberSurveys memberSurveys;

	@Test
	void demo_data_loads_once_and_a_second_start_changes_nothing() throws Exception {
		DemoDataLoader loader = loader("true");
		loader.load();
		Tenant demo = tenants.findByCode("demo").orElseThrow();
		int rows = count(demo);
		loader.load();
		assertThat(count(demo)).isEqualTo(rows).isGreaterThanOrEqualTo(50);

		RosterPerson taro = roster.findInsured(demo.id(), "01", "t011").orElseThrow();
		assertThat(taro.name()).isEqualTo("御室 太郎");
		assertThat(taro.nameKana()).isEqualTo("オムロ\u3000タロウ");
		assertThat(roster.household(demo.id(), "01", "t011")).hasSize(4);
		assertThat(staff.findByLoginId(DemoDataLoader.ADMIN_ID)).get()
			.extracting(StaffAccounts.StaffSummary::role)
			.isEqualTo(StaffRole.TENANT_ADMIN);
		assertThat(notices.publishedTenantNotices(demo.id())).isNotEmpty();
		assertThat(notices.publishedSiteNotices()).isNotEmpty();
		assertThat(memberSurveys.statusFor(demo.id(), "01", "t011")).as("the demo survey is open")
			.singleElement()
			.extracting(jp.kennin.survey.SurveyStatus::state)
			.isEqualTo(jp.kennin.survey.SurveyStatus.State.NOT_STARTED);
	}

	@Test
	void demo_data_stays_off_when_disabled() throws Exception {
		// The test profile disables demo data; the application context must not have loaded it on its own.
		DemoDataLoader loader = loader("false");
		long before = jdbc.sql("select count(*) from tenant").query(Long.class).single();
		loader.load();
		assertThat(jdbc.sql("select count(*) from tenant").query(Long.class).single()).isEqualTo(before);
	}

	private int count(Tenant t) {
		return jdbc.sql("select count(*) from roster_person where tenant_id = ?").param(t.id()).query(Integer.class).single();
	}

	private DemoDataLoader loader(String enabled) {
		KenninProperties props = new KenninProperties(Path.of("target/test-data"), "http://localhost", "x".repeat(32),
				new KenninProperties.Storage("local", Path.of("target/test-data/files")),
				new KenninProperties.Mail(Path.of("target/test-data/mail"), Duration.ofSeconds(1), 3),
				new KenninProperties.Demo(enabled));
		return new DemoDataLoader(props, "jdbc:h2:mem:x", tenants, roster, staff, notices, tx, clock, campaign);
	}

}
