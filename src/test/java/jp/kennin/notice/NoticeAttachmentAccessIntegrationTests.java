package jp.kennin.notice;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Who may download a notice's attachment at {@code /notices/{id}/attachment}: anyone for
 * a published site notice; for an insurer's notice only that insurer's members (and its
 * staff, see TenantIsolationMatrixIntegrationTests). Everybody else gets the same 404 as
 * for an id that does not exist, so notice ids (sequential) reveal nothing.
 */
@KenninIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeAttachmentAccessIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n% notice attachment\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Notices notices;

	Tenant own;

	Tenant other;

	long tenantNotice;

	long siteNotice;

	long unpublished;

	@BeforeAll
	void setUp() throws Exception {
		own = TestTenants.create(tenants, "添付健保");
		other = TestTenants.create(tenants, "別添付健保");
		tenantNotice = withPdf(own.id(),
				notices.create(own.id(), LocalDate.of(2026, 4, 1), "調査のご案内", "本文", null, null));
		siteNotice = withPdf(null, notices.create(null, LocalDate.of(2026, 4, 1), "推奨環境", "本文", null, null));
		unpublished = withPdf(own.id(), notices.create(own.id(), LocalDate.of(2026, 4, 1), "準備中", "本文",
				Instant.parse("2999-01-01T00:00:00Z"), null));
	}

	@Test
	void a_member_of_the_insurer_downloads_its_notice_attachment() throws Exception {
		MvcResult result = mvc
			.perform(get("/notices/" + tenantNotice + "/attachment").with(TestMember.of(own.id(), "01", "1")))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
	}

	@Test
	void a_member_of_another_insurer_gets_the_same_404_as_for_a_missing_notice() throws Exception {
		MvcResult foreign = mvc
			.perform(get("/notices/" + tenantNotice + "/attachment").with(TestMember.of(other.id(), "01", "1")))
			.andReturn();
		MvcResult missing = mvc.perform(get("/notices/987654321/attachment").with(TestMember.of(other.id(), "01", "1")))
			.andReturn();

		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
		assertThat(foreign.getResponse().getContentAsByteArray()).doesNotContain(PDF);
		assertThat(missing.getResponse().getStatus()).isEqualTo(404);
		assertThat(foreign.getResponse().getContentAsString()).isEqualTo(missing.getResponse().getContentAsString());
	}

	@Test
	void without_login_an_insurer_notice_attachment_is_not_found() throws Exception {
		MvcResult anonymous = mvc.perform(get("/notices/" + tenantNotice + "/attachment")).andReturn();

		assertThat(anonymous.getResponse().getStatus()).isEqualTo(404);
		assertThat(anonymous.getResponse().getContentAsByteArray()).doesNotContain(PDF);
	}

	@Test
	void a_site_notice_attachment_is_public_while_published() throws Exception {
		MvcResult anonymous = mvc.perform(get("/notices/" + siteNotice + "/attachment")).andReturn();

		assertThat(anonymous.getResponse().getStatus()).isEqualTo(200);
		assertThat(anonymous.getResponse().getContentAsByteArray()).isEqualTo(PDF);
	}

	@Test
	void an_unpublished_notice_attachment_is_not_found_even_for_its_members() throws Exception {
		MvcResult member = mvc
			.perform(get("/notices/" + unpublished + "/attachment").with(TestMember.of(own.id(), "01", "1")))
			.andReturn();

		assertThat(member.getResponse().getStatus()).isEqualTo(404);
	}

	private long withPdf(Long scope, long id) throws Exception {
		notices.attach(scope, id, "案内.pdf", PDF.length, new ByteArrayInputStream(PDF));
		return id;
	}

}
