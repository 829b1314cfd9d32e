package jp.kennin.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.kennin.notice.Notices;
import jp.kennin.platform.KenninProperties;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyRules;
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

	@Autowired
	DemoPages demoPages;

	@Autowired
	Subsidies subsidies;

	@Autowired
	jp.kennin.tenant.TenantPages pages;

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
		StaffActor admin = new StaffActor(DemoDataLoader.ADMIN_ID, StaffActor.TENANT_ADMIN, demo.id());
		assertThat(subsidies.rules(admin, SubsidyRules.fiscalYearOf(JapanTime.today(clock))))
			.as("the demo takes influenza subsidy claims this year")
			.isPresent();
	}

	@Test
	void the_demo_insurer_ships_a_manual_and_faq_and_a_restart_keeps_what_its_admin_wrote() throws Exception {
		DemoDataLoader loader = loader("true");
		loader.load();
		Tenant demo = tenants.findByCode("demo").orElseThrow();

		String manual = pages.html(demo.id(), jp.kennin.tenant.TenantPages.Kind.MANUAL);
		assertThat(manual).contains("<h2>")
			.contains("資格確認書")
			.contains("資格情報のお知らせ")
			.contains("マイナポータル")
			.contains("2024年12月2日")
			.contains("受付番号")
			.contains("0120-000-000")
			.doesNotContain("<script");
		String faq = pages.html(demo.id(), jp.kennin.tenant.TenantPages.Kind.FAQ);
		assertThat(faq).contains("<h3>Q.")
			.contains("130万円未満")
			.contains("150万円未満")
			.contains("180万円未満")
			.contains("記号と番号をお伝えください");
		assertThat(pages.written(demo.id())).containsExactly(jp.kennin.tenant.TenantPages.Kind.MANUAL,
				jp.kennin.tenant.TenantPages.Kind.FAQ);

		var admin = new jp.kennin.platform.StaffActor(DemoDataLoader.ADMIN_ID, "TENANT_ADMIN", demo.id());
		pages.save(admin, demo.id(), jp.kennin.tenant.TenantPages.Kind.FAQ, "# 当組合のQ&A", "127.0.0.1");
		loader.load();
		assertThat(pages.source(demo.id(), jp.kennin.tenant.TenantPages.Kind.FAQ)).isEqualTo("# 当組合のQ&A");
		pages.save(admin, demo.id(), jp.kennin.tenant.TenantPages.Kind.FAQ, DemoPages.text("demo/faq.md"), "127.0.0.1");
	}

	@Test
	void demo_data_stays_off_when_disabled() throws Exception {
		// The test profile disables demo data; the application context must not have
		// loaded it on its own.
		DemoDataLoader loader = loader("false");
		long before = jdbc.sql("select count(*) from tenant").query(Long.class).single();
		loader.load();
		assertThat(jdbc.sql("select count(*) from tenant").query(Long.class).single()).isEqualTo(before);
	}

	private int count(Tenant t) {
		return jdbc.sql("select count(*) from roster_person where tenant_id = ?")
			.param(t.id())
			.query(Integer.class)
			.single();
	}

	private DemoDataLoader loader(String enabled) {
		KenninProperties props = new KenninProperties(Path.of("target/test-data"), "http://localhost", "x".repeat(32),
				new KenninProperties.Storage("local", Path.of("target/test-data/files")),
				new KenninProperties.Mail(Path.of("target/test-data/mail"), Duration.ofSeconds(1), 3),
				new KenninProperties.Demo(enabled));
		return new DemoDataLoader(props, "jdbc:h2:mem:x", tenants, roster, staff, notices, tx, clock, campaign,
				demoPages, jdbc, subsidies);
	}

}
