package jp.kennin.document.internal;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.ScanStatus;
import jp.kennin.document.StoredDocument;
import jp.kennin.storage.FileStorage;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestClamd;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 item 7: every upload waits in quarantine until a real clamd (started by
 * {@link TestClamd} with an EICAR-only signature file) has scanned it. The EICAR test
 * string in a PDF is refused to staff and member, told to the member and audited; a clean
 * file opens once scanned; with clamd down files keep waiting, never pass unscanned. The
 * scheduled job is slowed to once an hour here so that the test decides when it runs.
 */
@KenninIntegrationTest
@TestPropertySource(properties = { "kennin.antivirus.enabled=true", "kennin.antivirus.scan-interval=PT1H",
		"kennin.antivirus.read-timeout=PT10S" })
class VirusScanIntegrationTests {

	@Autowired
	Documents documents;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	DocumentScanJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage storage;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeAll
	static void clamd() {
		TestClamd.assumeAvailable();
	}

	@DynamicPropertySource
	static void clamdAddress(DynamicPropertyRegistry registry) {
		registry.add("kennin.antivirus.port", () -> TestClamd.start().port());
	}

	@Test
	void the_eicar_test_file_is_never_served_the_member_is_told_and_it_is_audited() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "ウイルス健康保険組合");
		String bango = unique();
		DocumentOwner owner = new DocumentOwner(tenant.id(), "01", bango);
		StoredDocument doc = documents.store(owner, null, "OTHER", "eicar.pdf", pdfWith(TestClamd.EICAR));
		var member = authentication(new UsernamePasswordAuthenticationToken(new Member(tenant.id(), "01", bango), null,
				AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
		var staff = authentication(staff(tenant.id(), "av-admin-" + bango));

		assertThat(doc.scanStatus()).isEqualTo(ScanStatus.PENDING);
		mvc.perform(get("/admin/documents/{id}", doc.id()).with(staff)).andExpect(status().isConflict());
		mvc.perform(get("/documents/{id}", doc.id()).with(member)).andExpect(status().isConflict());
		assertThat(page(member)).contains("確認中");

		scanAll();

		assertThat(documents.find(owner, doc.id()).orElseThrow().scanStatus()).isEqualTo(ScanStatus.INFECTED);
		mvc.perform(get("/admin/documents/{id}", doc.id()).with(staff)).andExpect(status().isGone());
		mvc.perform(get("/admin/documents/{id}/view", doc.id()).with(staff)).andExpect(status().isGone());
		mvc.perform(get("/admin/documents/{id}/viewer", doc.id()).with(staff)).andExpect(status().isGone());
		mvc.perform(get("/admin/documents/{id}/pages/1.png", doc.id()).with(staff)).andExpect(status().isGone());
		mvc.perform(get("/documents/{id}", doc.id()).with(member)).andExpect(status().isGone());
		assertThat(page(member)).contains("このファイルからウイルスが検出されたため、受け付けられませんでした")
			.doesNotContain("href=\"/documents/" + doc.id() + "\"");

		List<AuditEntry> entries = audit
			.search(new AuditLog.Query(tenant.id(), Instant.EPOCH, null, null, "document:" + doc.id(), 10));
		assertThat(entries).filteredOn(e -> e.type().equals("DOCUMENT_INFECTED")).singleElement().satisfies(e -> {
			assertThat(e.actorKind()).isEqualTo("SYSTEM");
			assertThat(e.details().get("signature")).startsWith("Eicar-Test-Signature");
		});
	}

	@Test
	void a_clean_file_waits_as_being_checked_and_opens_once_scanned() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "検査健康保険組合");
		String bango = unique();
		DocumentOwner owner = new DocumentOwner(tenant.id(), "01", bango);
		StoredDocument doc = documents.store(owner, null, "OTHER", "clean.pdf", TestFiles.pdf(1));
		var staff = authentication(staff(tenant.id(), "av-staff-" + bango));
		mvc.perform(get("/admin/documents/{id}", doc.id()).with(staff)).andExpect(status().isConflict());

		scanAll();

		assertThat(documents.find(owner, doc.id()).orElseThrow().clean()).isTrue();
		mvc.perform(get("/admin/documents/{id}", doc.id()).with(staff)).andExpect(status().isOk());
	}

	@Test
	void while_clamd_is_down_files_wait_in_quarantine_and_are_scanned_when_it_is_back() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "停止健康保険組合");
		String bango = unique();
		DocumentOwner owner = new DocumentOwner(tenant.id(), "01", bango);
		StoredDocument doc = documents.store(owner, null, "OTHER", "later.pdf", TestFiles.pdf(1));
		AntivirusProperties down = new AntivirusProperties(true, "127.0.0.1", TestClamd.freePort(), "",
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 20);
		DocumentScanJob nodeWithoutClamd = new DocumentScanJob(jdbc, storage, down, audit, clock, transactions);

		nodeWithoutClamd.run();
		nodeWithoutClamd.run();

		assertThat(documents.find(owner, doc.id()).orElseThrow().scanStatus()).isEqualTo(ScanStatus.PENDING);
		assertThat(jdbc.sql("select scan_attempts from uploaded_document where id = ?")
			.param(doc.id())
			.query(Integer.class)
			.single()).isEqualTo(2);

		scanAll();
		assertThat(documents.find(owner, doc.id()).orElseThrow().clean()).isTrue();
	}

	@Test
	void the_client_speaks_instream_over_the_unix_socket_too() throws Exception {
		TestClamd.Instance clamd = TestClamd.start();
		ClamdClient client = new ClamdClient(new AntivirusProperties(true, "", 0, clamd.socket().toString(),
				Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(5), 20));

		assertThat(client.ping()).isTrue();
		assertThat(client.scan(("a text " + TestClamd.EICAR).getBytes(StandardCharsets.US_ASCII)).infected()).isTrue();
		assertThat(client.scan(new byte[200_000]).infected()).isFalse();
	}

	/** Until nothing is waiting (other classes' uploads in the shared database too). */
	private void scanAll() {
		while (job.scanWaiting() > 0) {
			// next batch
		}
	}

	private String page(RequestPostProcessor member) throws Exception {
		return mvc.perform(get("/documents").with(member)).andReturn().getResponse().getContentAsString();
	}

	/**
	 * A valid one-page PDF with the text appended after its end, where readers ignore it.
	 */
	private static byte[] pdfWith(String text) {
		byte[] pdf = TestFiles.pdf(1);
		byte[] tail = ("\n% " + text + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] both = Arrays.copyOf(pdf, pdf.length + tail.length);
		System.arraycopy(tail, 0, both, pdf.length, tail.length);
		return both;
	}

	record Member(Long tenantId, String kigo, String bango) implements HouseholdScopedPrincipal, Serializable {
	}

	record Staff(Long tenantId, String loginId) implements TenantScopedPrincipal {

		@Override
		public String toString() {
			return loginId;
		}

	}

	private static UsernamePasswordAuthenticationToken staff(long tenantId, String login) {
		return new UsernamePasswordAuthenticationToken(new Staff(tenantId, login), null,
				AuthorityUtils.createAuthorityList("ROLE_STAFF", "ROLE_TENANT_ADMIN"));
	}

	private static String unique() {
		return "v" + System.nanoTime() % 100_000_000;
	}

}
