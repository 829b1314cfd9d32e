package jp.kennin.letter;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.letter.LetterSelection.Source;
import jp.kennin.letter.internal.LetterNotFound;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.KenninProperties;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.PdfQrCodes;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The letters of a campaign: which households each list and filter selects, leaving out
 * those who answered since the list was made, and the PDF itself (text and QR code).
 */
@KenninIntegrationTest
class LettersIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Letters letters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KenninProperties properties;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	private StaffActor admin;

	private long campaign;

	/** Office 100: a member with an account, one without any address (letter list). */
	private String member;

	private String lettered;

	/** Office 200: two on the letter list, one with a roster address only. */
	private String letteredOther;

	private String answered;

	private String guided;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "郵送テスト健保");
		admin = new StaffActor("letters-admin", StaffActor.TENANT_ADMIN, tenant.id());
		member = household("100", "本社", "会員 一郎", "letters-member-" + SEQ.incrementAndGet() + "@example.jp");
		account(member);
		lettered = household("100", "本社", "郵送 太郎", null);
		jdbc.sql("update roster_person set postal_code = '600-8216', address1 = '京都府京都市下京区1-1', "
				+ "address2 = 'ハイツ202' where tenant_id = ? and bango = ? and edaban = '00'")
			.params(tenant.id(), lettered)
			.update();
		letteredOther = household("200", "支店", "支店 花子", null);
		answered = household("200", "支店", "回答 次郎", null);
		guided = household("200", "支店", "案内 三郎", "letters-guide-" + SEQ.incrementAndGet() + "@example.jp");
		campaign = campaigns.create(tenant.id(), draft());
		campaigns.open(tenant.id(), campaign);
		// 回答 次郎 submits an hour after the letter list was made.
		clock.setInstant(clock.instant().plusSeconds(3600));
		jdbc.sql("update survey_form set status = 'SUBMITTED', submitted_at = ? where tenant_id = ? and bango = ?")
			.params(Timestamp.from(clock.instant()), tenant.id(), answered)
			.update();
	}

	@AfterEach
	void resetClock() {
		jdbc.sql("delete from mail_outbox where tenant_id = ? and status = 'PENDING'").param(tenant.id()).update();
		clock.reset();
	}

	@Test
	void each_list_and_filter_selects_its_households() {
		LetterActor insurer = LetterActor.insurer(admin);
		assertThat(count(insurer, Source.LETTER_LIST, null, false)).isEqualTo(3);
		assertThat(count(insurer, Source.LETTER_LIST, null, true)).as("回答 次郎 answered since").isEqualTo(2);
		assertThat(count(insurer, Source.LETTER_LIST, "200", false)).isEqualTo(2);
		assertThat(count(insurer, Source.LETTER_LIST, "200", true)).isEqualTo(1);
		assertThat(count(insurer, Source.NON_RESPONDERS, null, false)).isEqualTo(4);
		assertThat(count(insurer, Source.ALL, null, false)).isEqualTo(5);
		assertThat(count(insurer, Source.ALL, null, true)).isEqualTo(4);
		assertThat(count(insurer, Source.ALL, "100", false)).isEqualTo(2);

		LetterCounts counts = letters.counts(insurer, campaign);
		assertThat(counts.letterList()).isEqualTo(3);
		assertThat(counts.letterListAnswered()).isEqualTo(1);
		assertThat(counts.nonResponders()).isEqualTo(4);
		assertThat(counts.all()).isEqualTo(5);
		assertThat(counts.offices()).extracting(LetterCounts.Office::code, LetterCounts.Office::letterList)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("100", 1L),
					org.assertj.core.groups.Tuple.tuple("200", 2L));

		// An actor limited to office 100 never reaches office 200, whatever it asks.
		LetterActor office = LetterActor.offices(admin, Set.of("100"));
		assertThat(count(office, Source.LETTER_LIST, null, false)).isEqualTo(1);
		assertThat(count(office, Source.LETTER_LIST, "200", false)).isZero();
		assertThat(letters.counts(office, campaign).all()).isEqualTo(2);
	}

	@Test
	void the_letter_shows_name_number_deadline_and_a_qr_code_of_the_signup_page() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long printed = letters.print(LetterActor.insurer(admin), campaign,
				new LetterSelection(LetterKind.INVITATION, Source.ALL, "100", false), out);
		assertThat(printed).isEqualTo(2);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(2);
			// Ordered by office, 記号, 番号: 会員 一郎 (account) first, then 郵送 太郎.
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(2);
			stripper.setEndPage(2);
			String text = stripper.getText(pdf);
			assertThat(text).contains("郵送 太郎　様", "〒600-8216", "京都府京都市下京区1-1", "ハイツ202", "8642　" + lettered,
					tenant.code(), "2026年9月17日(木) 23:59", "被扶養者資格調査のお願い", "2026年度 被扶養者資格調査", "03-0000-0000");
			assertThat(qr(pdf, 1)).isEqualTo(properties.baseUrl() + "/signup?code=" + tenant.code());
			assertThat(qr(pdf, 0)).as("a member with an account gets the login page")
				.isEqualTo(properties.baseUrl() + "/login");
			assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("1974", "昭和");
		}
		assertThat(jdbc
			.sql("select count(*) from audit_event where tenant_id = ? and type = 'LETTERS_PRINTED' "
					+ "and target = ? and details like '%letters=2%'")
			.params(tenant.id(), "campaign:" + campaign)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void edited_texts_are_printed_and_a_reminder_leaves_out_who_answered() throws Exception {
		letters.updateTexts(admin, LetterKind.REMINDER, "至急のお願い", "{name}様、{campaign}は{deadline}までです。");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		letters.print(LetterActor.insurer(admin), campaign,
				new LetterSelection(LetterKind.REMINDER, Source.LETTER_LIST, null, true), out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("至急のお願い", "郵送 太郎様、2026年度 被扶養者資格調査は2026年9月17日(木) 23:59までです。", "支店 花子")
				.doesNotContain("回答 次郎", "会員 一郎", "案内 三郎");
		}
		assertThat(letters.texts(admin)).filteredOn(t -> t.kind() == LetterKind.REMINDER)
			.singleElement()
			.satisfies(t -> assertThat(t.customised()).isTrue());
		letters.resetTexts(admin, LetterKind.REMINDER);
		assertThat(letters.texts(admin)).filteredOn(t -> t.kind() == LetterKind.REMINDER)
			.singleElement()
			.satisfies(t -> assertThat(t.title()).isEqualTo("被扶養者資格調査のご回答のお願い（再送）"));
		assertThat(letters.samplePng(admin, LetterKind.REMINDER)).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void only_the_insurers_admins_and_reviewers_print_and_only_their_own_campaigns() {
		LetterSelection all = new LetterSelection(LetterKind.INVITATION, Source.ALL, null, false);
		StaffActor reviewer = new StaffActor("letters-reviewer", StaffActor.REVIEWER, tenant.id());
		assertThat(letters.count(LetterActor.insurer(reviewer), campaign, all)).isEqualTo(5);
		assertThatThrownBy(() -> letters.texts(reviewer)).isInstanceOf(AccessDeniedException.class);
		StaffActor operator = new StaffActor("letters-operator", StaffActor.OPERATOR, null);
		assertThatThrownBy(() -> letters.count(LetterActor.insurer(operator), campaign, all))
			.isInstanceOf(AccessDeniedException.class);
		Tenant other = TestTenants.create(tenants, "郵送テスト健保（別）");
		StaffActor otherAdmin = new StaffActor("letters-other", StaffActor.TENANT_ADMIN, other.id());
		assertThatThrownBy(() -> letters.count(LetterActor.insurer(otherAdmin), campaign, all))
			.isInstanceOf(LetterNotFound.class);
	}

	@Test
	void the_staff_page_shows_the_counts_and_downloads_the_pdf() throws Exception {
		String page = "/admin/campaigns/" + campaign + "/letters";
		mvc.perform(get(page).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd id=\"count-letter-list\">3世帯</dd>")))
			.andExpect(content().string(containsString("作成後に回答した世帯を除く")));
		byte[] pdf = mvc
			.perform(get(page + "/download").with(TestStaff.reviewer(tenant.id()))
				.param("kind", "FINAL_NOTICE")
				.param("source", "LETTER_LIST")
				.param("office", "200")
				.param("excludeAnswered", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					containsString("letters_" + campaign + "_final_notice_200.pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(new PDFTextStripper().getText(document)).contains("支店 花子", "最終のお願い");
		}
		mvc.perform(get(page + "/download").with(TestStaff.tenantAdmin(tenant.id()))
			.param("source", "LETTER_LIST")
			.param("office", "999"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "letter.flash.none"));
	}

	@Test
	void the_signup_page_takes_the_insurer_code_from_the_qr_codes_url() throws Exception {
		mvc.perform(get("/signup").param("code", tenant.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + tenant.code() + "\"")));
	}

	private long count(LetterActor actor, Source source, String office, boolean excludeAnswered) {
		return letters.count(actor, campaign,
				new LetterSelection(LetterKind.INVITATION, source, office, excludeAnswered));
	}

	static String qr(PDDocument pdf, int page) throws Exception {
		return PdfQrCodes.decode(pdf, page);
	}

	private String household(String office, String officeName, String name, String email) {
		String bango = "L" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, "8642", bango, "00", true, "本人", RelationshipCategory.SELF, name,
						"ユウソウ タロウ", LocalDate.of(1974, 3, 9), Gender.MALE, email, office, officeName, null, null, true),
						new RosterPerson(0, 0, "8642", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "郵送 家族",
								"ユウソウ カゾク", LocalDate.of(1980, 1, 1), Gender.FEMALE, null, office, officeName, true,
								null, true)));
		return bango;
	}

	private void account(String bango) {
		long person = roster.findInsured(tenant.id(), "8642", bango).orElseThrow().id();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(
				"""
						insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
						  created_at, updated_at) values (?, ?, ?, ?, 'x', ?, 'ACTIVE', ?, ?)""")
			.params(tenant.id(), person, "let" + bango + tenant.id(), "let" + bango + tenant.id(),
					"letters-account-" + bango + "@example.jp", now, now)
			.update();
	}

	private static CampaignDraft draft() {
		Instant opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		Instant deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		return new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "期限までに提出してください。",
				new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
	}

}
