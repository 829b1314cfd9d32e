package jp.kennin.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.storage.FileStorage;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * PDFs reach staff only as page images rendered by Kennin: the right pages at a readable
 * size, refused to anyone but the document's insurer, audited, and a broken PDF answers
 * with a Japanese explanation instead of an error.
 */
@KenninIntegrationTest
class PdfPageImagesIntegrationTests {

	@Autowired
	Documents documents;

	@Autowired
	Tenants tenants;

	@Autowired
	AuditLog audit;

	@Autowired
	FileStorage storage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private static String unique() {
		return "p" + System.nanoTime() % 100_000_000;
	}

	@Test
	void each_page_of_a_pdf_is_a_png_of_its_own_shape_and_every_look_is_audited() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "頁画像健康保険組合");
		StoredDocument pdf = documents.store(owner(tenant), null, "OTHER", "在学証明書.pdf", twoPages());
		String login = "rv-" + unique();
		RequestPostProcessor staff = staff(tenant, login, "REVIEWER");

		String json = mvc.perform(get("/admin/documents/{id}/pages", pdf.id()).with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"pages\":2", "\"shown\":2", "\"kind\":\"PDF\"");

		MockHttpServletResponse first = mvc.perform(get("/admin/documents/{id}/pages/1.png", pdf.id()).with(staff))
			.andReturn()
			.getResponse();
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentType()).isEqualTo("image/png");
		assertThat(first.getHeader("Cache-Control")).contains("private").contains("max-age").doesNotContain("public");
		assertThat(first.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		byte[] png = first.getContentAsByteArray();
		assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(png));
		// A4 at 130 DPI.
		assertThat(portrait.getWidth()).isBetween(1070, 1080);
		assertThat(portrait.getHeight()).isBetween(1515, 1525);

		BufferedImage landscape = ImageIO
			.read(new ByteArrayInputStream(mvc.perform(get("/admin/documents/{id}/pages/2.png", pdf.id()).with(staff))
				.andReturn()
				.getResponse()
				.getContentAsByteArray()));
		assertThat(landscape.getWidth()).isGreaterThan(landscape.getHeight());
		assertThat(landscape.getWidth()).isBetween(1515, 1525);

		MockHttpServletResponse third = mvc.perform(get("/admin/documents/{id}/pages/3.png", pdf.id()).with(staff))
			.andReturn()
			.getResponse();
		assertThat(third.getStatus()).isEqualTo(404);

		List<AuditEntry> entries = audit.search(new AuditLog.Query(tenant.id(), Instant.EPOCH, null, login, null, 20));
		assertThat(entries).extracting(AuditEntry::type).containsOnly("DOCUMENT_VIEWED_BY_STAFF");
		assertThat(entries).extracting(AuditEntry::target).containsOnly("document:" + pdf.id());
		assertThat(entries).extracting(e -> e.details().get("view") + ":" + e.details().get("page"))
			.containsExactlyInAnyOrder("pages:null", "page:1", "page:2", "page:3");
		assertThat(entries).allSatisfy(e -> assertThat(e.actorRole()).isEqualTo("REVIEWER"));
	}

	@Test
	void the_viewer_shows_the_page_image_never_the_pdf_and_links_between_pages() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "閲覧健康保険組合");
		StoredDocument pdf = documents.store(owner(tenant), null, "OTHER", "証明書.pdf", twoPages());
		RequestPostProcessor staff = staff(tenant, "ad-" + unique(), "TENANT_ADMIN");

		String page = mvc
			.perform(get("/admin/documents/{id}/viewer", pdf.id()).param("back", "/admin/reviews/12#dep-3").with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("/admin/documents/" + pdf.id() + "/pages/1.png", "拡大", "縮小", "回転", "元に戻す", "1 / 2 ページ", "次のページ",
					"href=\"/admin/reviews/12#dep-3\"", "/js/document-viewer.js")
			.doesNotContain("/admin/documents/" + pdf.id() + "/view\"")
			.doesNotContain("<embed")
			.doesNotContain("<iframe")
			.doesNotContain("前のページ");
		String second = mvc
			.perform(get("/admin/documents/{id}/viewer", pdf.id()).param("page", "2")
				.param("back", "https://evil.example/admin")
				.with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("/pages/2.png", "2 / 2 ページ", "前のページ", "href=\"/admin\"")
			.doesNotContain("evil.example");
		assertThat(mvc.perform(get("/admin/documents/{id}/viewer", pdf.id()).param("page", "3").with(staff))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void only_the_insurers_reviewing_staff_get_the_pages() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "自頁健康保険組合");
		Tenant other = TestTenants.create(tenants, "他頁健康保険組合");
		DocumentOwner owner = owner(tenant);
		StoredDocument pdf = documents.store(owner, null, "OTHER", "a.pdf", twoPages());

		for (String url : List.of("/admin/documents/{id}/pages/1.png", "/admin/documents/{id}/pages",
				"/admin/documents/{id}/viewer")) {
			assertThat(status(url, pdf.id(), staff(other, "ad-" + unique(), "TENANT_ADMIN"))).as(url).isEqualTo(404);
			assertThat(status(url, pdf.id(), staff(null, "op-" + unique(), "OPERATOR"))).as(url).isEqualTo(404);
			assertThat(status(url, pdf.id(), authentication(TestPrincipals.member(tenant.id(), "01", owner.bango()))))
				.as(url)
				.isIn(302, 403);
			assertThat(mvc.perform(get(url, pdf.id())).andReturn().getResponse().getStatus()).as(url).isEqualTo(302);
		}
		assertThat(audit.search(new AuditLog.Query(tenant.id(), Instant.EPOCH, null, null, "document:" + pdf.id(), 20))
			.stream()
			.filter(e -> e.type().equals("DOCUMENT_VIEWED_BY_STAFF"))).isEmpty();
	}

	@Test
	void an_image_is_shown_as_itself_and_has_no_rendered_pages() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "写真健康保険組合");
		StoredDocument photo = documents.store(owner(tenant), null, "OTHER", "photo.jpg",
				TestFiles.jpeg(TestFiles.photo(400, 300, 1, 10), 0.9f));
		RequestPostProcessor staff = staff(tenant, "rv-" + unique(), "REVIEWER");

		assertThat(mvc.perform(get("/admin/documents/{id}/pages", photo.id()).with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"kind\":\"IMAGE\"", "\"pages\":1");
		assertThat(status("/admin/documents/{id}/pages/1.png", photo.id(), staff)).isEqualTo(404);
		assertThat(mvc.perform(get("/admin/documents/{id}/viewer", photo.id()).with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("src=\"/admin/documents/" + photo.id() + "/view\"", "回転")
			.doesNotContain("/pages/1.png")
			.doesNotContain("次のページ");
	}

	@Test
	void a_broken_or_encrypted_pdf_gets_a_japanese_explanation_not_an_error() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "破損健康保険組合");
		RequestPostProcessor staff = staff(tenant, "rv-" + unique(), "REVIEWER");
		byte[] truncated = Arrays.copyOf(twoPages(), 40);
		byte[] garbage = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF"
			.getBytes(StandardCharsets.US_ASCII);
		for (byte[] bad : List.of(truncated, garbage, TestFiles.encryptedPdf(""))) {
			StoredDocument pdf = storedAsIs(tenant, bad);

			MockHttpServletResponse json = mvc.perform(get("/admin/documents/{id}/pages", pdf.id()).with(staff))
				.andReturn()
				.getResponse();
			assertThat(json.getStatus()).isEqualTo(200);
			assertThat(json.getContentAsString()).contains("\"problem\":\"UNREADABLE\"");

			MockHttpServletResponse image = mvc.perform(get("/admin/documents/{id}/pages/1.png", pdf.id()).with(staff))
				.andReturn()
				.getResponse();
			assertThat(image.getStatus()).isEqualTo(422);
			assertThat(image.getContentType()).startsWith("text/html");
			assertThat(image.getContentAsString()).contains("壊れているか暗号化されているため");

			MockHttpServletResponse viewer = mvc.perform(get("/admin/documents/{id}/viewer", pdf.id()).with(staff))
				.andReturn()
				.getResponse();
			assertThat(viewer.getStatus()).isEqualTo(200);
			assertThat(viewer.getContentAsString()).contains("この書類を表示できません", "被保険者に書類の再提出を依頼してください")
				.doesNotContain("/pages/1.png");
		}
	}

	@Test
	void only_the_first_fifty_pages_of_a_long_pdf_are_offered() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "長文健康保険組合");
		StoredDocument pdf = documents.store(owner(tenant), null, "OTHER", "long.pdf", TestFiles.pdf(53));
		RequestPostProcessor staff = staff(tenant, "rv-" + unique(), "REVIEWER");

		assertThat(mvc.perform(get("/admin/documents/{id}/viewer", pdf.id()).param("page", "50").with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("このPDFは53ページあります。表示できるのは最初の50ページまでです。", "50 / 50 ページ")
			.doesNotContain("次のページ");
		assertThat(status("/admin/documents/{id}/pages/50.png", pdf.id(), staff)).isEqualTo(200);
		assertThat(status("/admin/documents/{id}/pages/51.png", pdf.id(), staff)).isEqualTo(404);
	}

	private int status(String url, long id, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url, id).with(who)).andReturn().getResponse().getStatus();
	}

	private static DocumentOwner owner(Tenant tenant) {
		return new DocumentOwner(tenant.id(), "01", unique());
	}

	private static RequestPostProcessor staff(Tenant tenant, String login, String role) {
		return authentication(TestPrincipals.staff(tenant == null ? null : tenant.id(), login, role));
	}

	/**
	 * A PDF whose stored bytes went bad after the upload checks (or were stored by an
	 * older version): upload a good one, then swap its bytes.
	 */
	private StoredDocument storedAsIs(Tenant tenant, byte[] bytes) throws IOException {
		StoredDocument doc = documents.store(owner(tenant), null, "OTHER", "broken.pdf", TestFiles.pdf(1));
		String key = storage.put(bytes);
		jdbc.sql("update uploaded_document set storage_key = ? where id = ?").params(key, doc.id()).update();
		return doc;
	}

	/** An A4 portrait page and an A4 landscape page, each with a filled box. */
	static byte[] twoPages() {
		try (PDDocument doc = new PDDocument()) {
			for (PDRectangle size : List.of(PDRectangle.A4,
					new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()))) {
				PDPage page = new PDPage(size);
				doc.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.setNonStrokingColor(0.1f, 0.2f, 0.7f);
					content.addRect(50, 50, 200, 100);
					content.fill();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
