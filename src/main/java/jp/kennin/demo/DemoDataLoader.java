package jp.kennin.demo;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.notice.Notices;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.KenninProperties;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo insurer (保険者指定コード {@value #TENANT_CODE}) on start-up, once: a second
 * start finds the tenant and adds nothing new. Prints the demo logins every time, since
 * they are fixed. On PostgreSQL the check and the load run under a transaction-level
 * advisory lock, so nodes starting together load the data once: the others wait, then
 * find it (without it the second node died on {@code tenant_code_uk},
 * TwoNodesFirstStartProcessIT).
 */
@Component
class DemoDataLoader {

	static final String TENANT_CODE = "demo";

	static final String OPERATOR_ID = "demo-operator";

	static final String ADMIN_ID = "demo-admin";

	static final String REVIEWER_ID = "demo-reviewer";

	/**
	 * Fixed so the README can print it; the demo runs only on the embedded database by
	 * default.
	 */
	static final String DEMO_STAFF_PASSWORD = "Kennin-demo-2026!";

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final Tenant.SupportDesk DEMO_DESK = new Tenant.SupportDesk("デモ健康保険組合 適用グループ", "0120-000-000",
			"平日10時～17時（12時～13時を除く）", "support@demo-kenpo.example", "https://demo-kenpo.example/");

	static final String DEMO_MEMBER_NUMBER_GUIDANCE = """
			デモ健康保険組合の**記号は2桁の数字**（01～03）、**番号は1～6桁**です（英字を含むことがあります）。

			- 資格情報のお知らせ・資格確認書は、勤務先の人事担当者を通じてお配りしています。
			- どちらも見当たらない場合は、勤務先の人事担当者か、適用グループ（0120-000-000、平日10時～17時）にご相談ください。
			""";

	private final boolean enabled;

	private final Tenants tenants;

	private final Roster roster;

	private final StaffAccounts staff;

	private final Notices notices;

	private final TransactionTemplate tx;

	private final DemoCampaign campaign;

	private final DemoPages pages;

	/** The advisory lock key of the demo load ("KENNIN" and 1). */
	static final long LOCK_KEY = 0x4B454E4E494E01L;

	private final Clock clock;

	private final boolean postgres;

	private final JdbcClient jdbc;

	private final Subsidies subsidies;

	DemoDataLoader(KenninProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl,
			Tenants tenants, Roster roster, StaffAccounts staff, Notices notices, TransactionTemplate tx, Clock clock,
			DemoCampaign campaign, DemoPages pages, JdbcClient jdbc, Subsidies subsidies) {
		String setting = properties.demo().enabled();
		this.enabled = setting == null || setting.isBlank() ? datasourceUrl.startsWith("jdbc:h2:file:")
				: Boolean.parseBoolean(setting);
		this.tenants = tenants;
		this.roster = roster;
		this.staff = staff;
		this.notices = notices;
		this.tx = tx;
		this.campaign = campaign;
		this.pages = pages;
		this.clock = clock;
		this.postgres = datasourceUrl.startsWith("jdbc:postgresql:");
		this.jdbc = jdbc;
		this.subsidies = subsidies;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void load() throws IOException {
		if (!enabled) {
			return;
		}
		var people = DemoRosterFile.read();
		tx.executeWithoutResult(status -> {
			if (postgres) {
				// Held until this transaction ends; a node waiting here then reads the
				// committed demo tenant in its next statement (read committed).
				jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().listOfRows();
			}
			var existing = tenants.findByCode(TENANT_CODE);
			if (existing.isPresent()) {
				fillDeskOfOlderDemo(existing.get());
				pages.write(existing.get().id());
				subsidyRules(existing.get().id());
				return;
			}
			Tenant tenant = tenants.create(new Tenants.NewTenant(TENANT_CODE, "デモ健康保険組合", "demo-kenpo@kennin.example",
					"デモ健康保険組合", DEMO_DESK, PasswordPolicyPreset.SEED, DEMO_MEMBER_NUMBER_GUIDANCE));
			roster.upsert(tenant.id(), people);
			createStaff(tenant.id());
			createNotices(tenant.id());
			campaign.create(tenant.id());
			pages.write(tenant.id());
			subsidyRules(tenant.id());
			log.info("Demo data loaded: tenant '{}' with {} roster rows", TENANT_CODE, people.size());
		});
		log.info("""

				==================== Kennin demo ====================
				 Member sign-up : /signup  (保険者指定コード: {}; members are listed in README.md)
				 Staff login    : /admin/login
				   operator     : {} / {}
				   insurer admin: {} / {}
				   reviewer     : {} / {}
				 Dev mailbox    : /dev/mail
				=====================================================""", TENANT_CODE, OPERATOR_ID, DEMO_STAFF_PASSWORD,
				ADMIN_ID, DEMO_STAFF_PASSWORD, REVIEWER_ID, DEMO_STAFF_PASSWORD);
	}

	/**
	 * This fiscal year's influenza subsidy with the suggested rules, so that the demo's
	 * 「インフルエンザ補助金申請」 takes claims (a year already set is left as it is).
	 */
	private void subsidyRules(long tenantId) {
		StaffActor admin = new StaffActor(ADMIN_ID, StaffActor.TENANT_ADMIN, tenantId);
		int year = SubsidyRules.fiscalYearOf(JapanTime.today(clock));
		if (subsidies.rules(admin, year).isEmpty()) {
			subsidies.saveRules(admin, SubsidyRules.suggested(year));
		}
	}

	/**
	 * A demo database made before the desk had a name gets the demo desk and wording
	 * once, on the next start.
	 */
	private void fillDeskOfOlderDemo(Tenant demo) {
		if (demo.supportDesk().name() != null || demo.memberNumberGuidance() != null) {
			return;
		}
		tenants.update(demo.id(), new Tenants.NewTenant(demo.code(), demo.name(), demo.mailFromAddress(),
				demo.mailFromName(), DEMO_DESK, demo.passwordPolicy(), DEMO_MEMBER_NUMBER_GUIDANCE));
	}

	private void createStaff(long tenantId) {
		if (!staff.exists(OPERATOR_ID)) {
			staff.create(OPERATOR_ID, "デモ運用者", StaffRole.OPERATOR, null, DEMO_STAFF_PASSWORD);
		}
		staff.create(ADMIN_ID, "デモ健保 管理者", StaffRole.TENANT_ADMIN, tenantId, DEMO_STAFF_PASSWORD);
		staff.create(REVIEWER_ID, "デモ健保 審査担当", StaffRole.REVIEWER, tenantId, DEMO_STAFF_PASSWORD);
	}

	private void createNotices(long tenantId) {
		LocalDate today = JapanTime.today(clock);
		notices.create(null, today, "推奨ブラウザについて",
				"パソコンは Microsoft Edge・Google Chrome・Firefox の最新版、スマートフォンは iOS の Safari・Android の Chrome の最新版でご利用ください。",
				null, null);
		notices.create(null, today, "システムメンテナンスのお知らせ", "毎月第2日曜日 2:00～6:00 は定期メンテナンスのため、サービスを停止します。", null, null);
		notices.create(tenantId, today, "【デモ健康保険組合】被扶養者資格調査を開始しました", """
				今年度の被扶養者資格調査を開始しました。

				## 回答のしかた

				1. メイン画面の **「調査票に回答する」** を押します。
				2. ご家族ごとに質問に答え、必要な書類をアップロードします。
				3. 回答内容を確認して **「提出する」** を押します。

				**回答期限までに提出してください。** 回答期限はメイン画面に表示されています。""", null, null);
		notices.create(tenantId, today.minusDays(3), "システム操作マニュアルとよくあるご質問",
				"操作方法や扶養認定についての質問は、メイン画面のメニューの **「マニュアル」** と **「よくあるご質問」**" + "、または各画面の下のリンクからご確認ください。", null, null);
		notices.create(tenantId, today.minusDays(10), "ご家族に健康診断を勧めましょう", "被扶養者の方の基本健診は無料で受診できます。", null, null);
	}

}
