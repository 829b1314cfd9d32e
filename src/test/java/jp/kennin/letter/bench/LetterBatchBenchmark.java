package jp.kennin.letter.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.letter.LetterActor;
import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterSelection;
import jp.kennin.letter.Letters;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch letter benchmark (issue 13, not part of the normal build): seeds
 * {@value #DEFAULT_LETTERS} households of one campaign, all on the letter list, each with
 * its own name and address, into the embedded test database, then prints all of them as
 * one PDF through {@link Letters#print} into a file and reports the time, the size and
 * the heap's peak. It must run in a heap of at most 512 MB (the test fails otherwise):
 *
 * <pre>
 * ./mvnw -B test-compile surefire:test -Dtest=LetterBatchBenchmark -Dkennin.benchmark=true \
 *   -DargLine=-Xmx512m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "kennin.scheduling.enabled=false")
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class LetterBatchBenchmark {

	static final int DEFAULT_LETTERS = 10_000;

	static final int LETTERS = Integer.getInteger("kennin.benchmark.letters", DEFAULT_LETTERS);

	static final long MAX_HEAP = 512L * 1024 * 1024;

	@Autowired
	Tenants tenants;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Letters letters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@Test
	void ten_thousand_letters_in_one_pdf() throws Exception {
		long maxHeap = Runtime.getRuntime().maxMemory();
		assertThat(maxHeap).as("run with -DargLine=-Xmx512m").isLessThanOrEqualTo(MAX_HEAP);
		Tenant tenant = tenants
			.create(new Tenants.NewTenant("benchl", "ベンチマーク健康保険組合", "bench@kenpo.example", "ベンチマーク健保",
					new Tenant.SupportDesk("ベンチマーク健保 適用グループ", "03-0000-0000", "平日9時～17時", "help@kenpo.example", null),
					PasswordPolicyPreset.SEED));
		long campaign = campaigns.create(tenant.id(),
				new CampaignDraft("ベンチマーク調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		long t0 = System.nanoTime();
		seed(tenant.id(), campaign);
		long seedMs = (System.nanoTime() - t0) / 1_000_000;
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long baseline = heapUsed();
		Path dir = Path.of("target", "benchmark");
		Files.createDirectories(dir);
		Path file = dir.resolve("letters-" + LETTERS + ".pdf");
		StaffActor admin = new StaffActor("bench-admin", StaffActor.TENANT_ADMIN, tenant.id());
		long t1 = System.nanoTime();
		long printed;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			printed = letters.print(LetterActor.insurer(admin), campaign,
					new LetterSelection(LetterKind.INVITATION, LetterSelection.Source.LETTER_LIST, null, true), out);
		}
		long printMs = (System.nanoTime() - t1) / 1_000_000;
		long peak = peakHeap();
		int pages;
		try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
			pages = pdf.getNumberOfPages();
		}
		String report = """
				Letter batch benchmark (%s)
				letters: %d (pages in the PDF: %d), seeding %d ms
				print to file: %d ms (%.1f letters/s), PDF %,d bytes (%.1f KB per letter)
				heap: max %d MB, used before printing %d MB, peak of the heap pools during printing %d MB
				""".formatted(Instant.now(), printed, pages, seedMs, printMs, printed * 1000.0 / Math.max(1, printMs),
				Files.size(file), Files.size(file) / 1024.0 / Math.max(1, printed), maxHeap >> 20, baseline >> 20,
				peak >> 20);
		Files.writeString(dir.resolve("letters.txt"), report, StandardCharsets.UTF_8);
		System.out.println(report);
		assertThat(printed).isEqualTo(LETTERS);
		assertThat(pages).isEqualTo(LETTERS);
		assertThat(printMs).as("10,000 letters in at most 60 s").isLessThanOrEqualTo(60_000);
	}

	/**
	 * Insured persons with a spouse each, 30 offices, names and addresses that differ per
	 * household (so the embedded font subset grows as it would), a form each and a place
	 * on the letter list.
	 */
	private void seed(long tenantId, long campaignId) {
		Timestamp now = Timestamp.from(Instant.parse("2026-07-28T00:00:00Z"));
		String[] families = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 松本 井上 木村 林 斎藤 清水 山口 森 池田 橋本 阿部 石川 髙橋 渡邊 齋藤"
			.split(" ");
		String[] given = "太郎 次郎 花子 一郎 健一 陽子 誠 翔太 大輔 直樹 さくら 浩二 美香 雄一 修 明美 亮 隆 彩 勇気".split(" ");
		List<Object[]> rows = new ArrayList<>();
		for (int x = 1; x <= LETTERS; x++) {
			String name = families[x % families.length] + " " + given[x / families.length % given.length];
			String postal = String.format("%07d", (x * 7919L) % 9_999_999);
			rows.add(new Object[] { tenantId, "B" + x % 50, "n" + x, name, "o" + x % 30, "事業所" + x % 30, now, now,
					postal.substring(0, 3) + "-" + postal.substring(3), "東京都千代田区千代田" + x % 9 + "丁目" + x + "番地",
					"コーポ" + x % 300 + "号室" });
		}
		batch.batchUpdate("""
				insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, relationship_category,
				  name, name_kana, name_kana_key, birth_date, gender, office_code, office_name, active, created_at,
				  updated_at, postal_code, address1, address2)
				values (?, ?, ?, '00', true, '本人', 'SELF', ?, 'ベンチ　タロウ', 'ベンチタロウ', date '1980-01-01', 'M', ?, ?,
				  true, ?, ?, ?, ?, ?)""", rows);
		jdbc.sql(
				"""
						insert into survey_form (tenant_id, campaign_id, kigo, bango, insured_person_id, office_code, office_name,
						  status, version, created_at, updated_at)
						select tenant_id, :campaign, kigo, bango, id, office_code, office_name, 'NOT_STARTED', 0, :now, :now
						from roster_person where tenant_id = :tenant""")
			.param("tenant", tenantId)
			.param("campaign", campaignId)
			.param("now", now)
			.update();
		jdbc.sql(
				"""
						insert into campaign_letter (tenant_id, campaign_id, kigo, bango, reason, created_at)
						select tenant_id, campaign_id, kigo, bango, 'NO_ADDRESS', :now from survey_form where campaign_id = :campaign""")
			.param("campaign", campaignId)
			.param("now", now)
			.update();
		jdbc.sql("update campaign set status = 'OPEN' where id = ?").param(campaignId).update();
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

}
