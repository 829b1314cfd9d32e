package jp.kennin.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.KenninProperties;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class DocumentsIntegrationTests {

	@Autowired
	Documents documents;

	@Autowired
	DocumentSettings settings;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KenninProperties properties;

	@Autowired
	MockMvc mvc;

	private Tenant tenant;

	private DocumentOwner owner;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "書類健康保険組合");
		owner = new DocumentOwner(tenant.id(), "01", "d" + System.nanoTime() % 100_000_000);
	}

	private StoredDocument storePdf(String name) {
		return documents.store(owner, null, "INCOME_CERTIFICATE", name, TestFiles.pdf(2));
	}

	@Test
	void stored_encrypted_on_disk_and_served_back_as_uploaded() throws Exception {
		byte[] pdf = TestFiles.pdf(2);
		StoredDocument doc = documents.store(owner, null, "INCOME_CERTIFICATE", "所得証明書.pdf", pdf);

		String key = jdbc.sql("select storage_key from uploaded_document where id = ?")
			.param(doc.id())
			.query(String.class)
			.single();
		Path file = properties.storage()
			.localDir()
			.resolve(key.substring(0, 2))
			.resolve(key.substring(2, 4))
			.resolve(key);
		byte[] onDisk = Files.readAllBytes(file);
		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		assertThat(onDisk).isNotEqualTo(pdf);

		assertThat(documents.openForOwner(owner, doc.id()).orElseThrow().bytes()).isEqualTo(pdf);
		assertThat(doc.pageCount()).isEqualTo(2);
		assertThat(doc.sha256()).hasSize(64);
		assertThat(documents.list(owner)).extracting(StoredDocument::id).containsExactly(doc.id());
	}

	@Test
	void a_file_name_with_control_characters_is_stored_without_them() {
		// PostgreSQL refuses U+0000 in text: the whole upload would fail with a server
		// error
		StoredDocument doc = documents.store(owner, null, "INCOME_CERTIFICATE", "C:\\写真\\所得\u0000証明\u0007書.pdf",
				TestFiles.pdf(1));

		assertThat(doc.originalName()).isEqualTo("所得証明書.pdf");
		assertThat(documents.list(owner)).extracting(StoredDocument::originalName).containsExactly("所得証明書.pdf");
	}

	@Test
	void a_jpeg_with_gps_is_stored_without_it() {
		byte[] photo = TestFiles.withExif(TestFiles.jpeg(TestFiles.photo(640, 480, 7, 30), 0.9f), 6, true);

		StoredDocument doc = documents.store(owner, null, "STUDENT_CERTIFICATE", "IMG_0001.JPG", photo);

		byte[] stored = documents.openForOwner(owner, doc.id()).orElseThrow().bytes();
		assertThat(TestFiles.hasApp1(stored)).isFalse();
		assertThat(doc.width()).as("turned upright").isEqualTo(480);
		assertThat(doc.height()).isEqualTo(640);
		assertThat(documents.thumbnailForOwner(owner, doc.id())).isPresent();
	}

	@Test
	void another_tenant_or_household_never_sees_the_document() throws Exception {
		StoredDocument doc = storePdf("源泉徴収票.pdf");
		Tenant other = TestTenants.create(tenants, "他の健康保険組合");

		assertThat(documents.openForOwner(new DocumentOwner(other.id(), owner.kigo(), owner.bango()), doc.id()))
			.isEmpty();
		mvc.perform(get("/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.member(other.id(), owner.kigo(), owner.bango()))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.member(tenant.id(), "01", "other")))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.staff(other.id(), "other-reviewer", "REVIEWER"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.staff(null, "operator", "OPERATOR")))).andExpect(status().isNotFound());
	}

	@Test
	void the_owner_downloads_with_safe_headers() throws Exception {
		StoredDocument doc = storePdf("在学証明書.pdf");

		mvc.perform(get("/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.member(tenant.id(), owner.kigo(), owner.bango()))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"_____.pdf\"; filename*=UTF-8''%E5%9C%A8%E5%AD%A6%E8%A8%BC%E6%98%8E%E6%9B%B8.pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
	}

	@Test
	void every_staff_access_is_audited() throws Exception {
		StoredDocument doc = storePdf("年金額改定通知書.pdf");
		String reviewer = "reviewer-" + System.nanoTime();

		mvc.perform(get("/admin/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.staff(tenant.id(), reviewer, "REVIEWER"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));

		List<AuditEntry> entries = audit
			.search(new AuditLog.Query(tenant.id(), Instant.EPOCH, null, reviewer, null, 10));
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo("DOCUMENT_VIEWED_BY_STAFF");
			assertThat(e.target()).isEqualTo("document:" + doc.id());
			assertThat(e.actorRole()).isEqualTo("REVIEWER");
		});
	}

	@Test
	void upload_refusals_come_back_with_the_specific_message() throws Exception {
		var member = authentication(TestPrincipals.member(tenant.id(), owner.kigo(), owner.bango()));
		MockMultipartFile html = new MockMultipartFile("file", "receipt.jpg", "image/jpeg",
				"<html><body>not a photo</body></html>".getBytes(StandardCharsets.UTF_8));
		byte[] base = TestFiles.jpeg(TestFiles.photo(300, 200, 9, 20), 0.9f);
		MockMultipartFile tooBig = new MockMultipartFile("file", "big.jpg", "image/jpeg",
				TestFiles.padJpeg(base, 10L * 1024 * 1024 + 1));

		mvc.perform(multipart("/documents").file(html)
			.param("slot", "OTHER")
			.param("returnTo", "/survey/1")
			.with(member)
			.with(csrf()))
			.andExpect(redirectedUrl("/survey/1#document-OTHER-error"))
			.andExpect(flash().attribute("documentError",
					new jp.kennin.document.web.UploadError("OTHER", null, "JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください")));
		mvc.perform(multipart("/documents").file(tooBig).param("slot", "OTHER").with(member).with(csrf()))
			.andExpect(redirectedUrl("/documents#document-OTHER-error"))
			.andExpect(flash().attribute("documentError",
					new jp.kennin.document.web.UploadError("OTHER", null, "ファイルサイズは10MB以下にしてください")));
		mvc.perform(
				multipart("/documents").file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
					.with(member)
					.with(csrf()))
			.andExpect(flash().attribute("documentError",
					new jp.kennin.document.web.UploadError("OTHER", null, "ファイルが空です")));
		mvc.perform(multipart("/documents")
			.file(new MockMultipartFile("file", "locked.pdf", "application/pdf", TestFiles.encryptedPdf("pw")))
			.with(member)
			.with(csrf()))
			.andExpect(flash().attribute("documentError",
					new jp.kennin.document.web.UploadError("OTHER", null, "パスワードで保護されたPDFはアップロードできません")));
		assertThat(documents.list(owner)).isEmpty();
	}

	@Test
	void upload_list_and_delete_as_a_member() throws Exception {
		var member = authentication(TestPrincipals.member(tenant.id(), owner.kigo(), owner.bango()));
		MockMultipartFile photo = new MockMultipartFile("file", "学生証.jpg", "image/jpeg",
				TestFiles.jpeg(TestFiles.photo(600, 400, 11, 20), 0.9f));

		mvc.perform(multipart("/documents").file(photo).param("slot", "OTHER").with(member).with(csrf()))
			.andExpect(redirectedUrl("/documents#document-OTHER-result"))
			.andExpect(flash().attribute("documentNotice",
					new jp.kennin.document.web.UploadNotice("OTHER", null, "「学生証.jpg」をアップロードしました")));
		StoredDocument doc = documents.list(owner).get(0);

		MvcResult page = mvc.perform(get("/documents").with(member)).andExpect(status().isOk()).andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("学生証.jpg")
			.contains("マイナンバー（個人番号）が記載されている書類は、マイナンバー部分を黒塗りしてからアップロードしてください")
			.contains("/documents/" + doc.id() + "/thumbnail")
			.contains("accept=\"image/jpeg,image/png,application/pdf");
		mvc.perform(get("/documents/{id}/thumbnail", doc.id()).with(member))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")));

		String key = jdbc.sql("select storage_key from uploaded_document where id = ?")
			.param(doc.id())
			.query(String.class)
			.single();
		mvc.perform(post("/documents/{id}/delete", doc.id()).param("returnTo", "https://evil.example/")
			.with(member)
			.with(csrf())).andExpect(redirectedUrl("/documents#document-OTHER-result"));
		assertThat(documents.list(owner)).isEmpty();
		assertThat(Files.exists(
				properties.storage().localDir().resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key)))
			.as("bytes removed")
			.isFalse();
		mvc.perform(get("/documents/{id}", doc.id()).with(member)).andExpect(status().isNotFound());
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void bytes_stored_for_a_rolled_back_upload_are_removed() throws Exception {
		var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
		StoredDocument doc = template.execute(status -> {
			StoredDocument stored = storePdf("取り消し.pdf");
			status.setRollbackOnly(); // e.g. the survey step that uploaded it failed
										// afterwards
			return stored;
		});
		long files;
		try (var walk = Files.walk(properties.storage().localDir())) {
			files = walk.filter(Files::isRegularFile).count();
		}
		StoredDocument kept = storePdf("残す.pdf");
		long after;
		try (var walk = Files.walk(properties.storage().localDir())) {
			after = walk.filter(Files::isRegularFile).count();
		}

		assertThat(documents.find(owner, doc.id())).isEmpty();
		assertThat(after).as("only the committed upload added a file").isEqualTo(files + 1);
		assertThat(documents.openForOwner(owner, kept.id())).isPresent();
	}

	@Test
	void the_size_limit_is_a_tenant_setting() {
		assertThat(settings.maxFileBytes(tenant.id())).isEqualTo(10L * 1024 * 1024);
		settings.setMaxFileBytes(tenant.id(), 2L * 1024 * 1024);
		byte[] threeMb = TestFiles.padJpeg(TestFiles.jpeg(TestFiles.photo(200, 100, 3, 10), 0.9f), 3L * 1024 * 1024);

		DocumentRejectedException ex = org.junit.jupiter.api.Assertions.assertThrows(DocumentRejectedException.class,
				() -> documents.store(owner, null, "OTHER", "big.jpg", threeMb));

		assertThat(ex.problem()).isEqualTo(DocumentProblem.TOO_LARGE);
		assertThat(ex.args()).containsExactly(2L);
		assertThat(settings.maxFileBytes(TestTenants.create(tenants, "既定の組合").id())).isEqualTo(10L * 1024 * 1024);
	}

}
