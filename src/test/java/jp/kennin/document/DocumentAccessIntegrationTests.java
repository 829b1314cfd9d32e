package jp.kennin.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class DocumentAccessIntegrationTests {

	@Autowired
	Documents documents;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	private static String unique() {
		return "a" + System.nanoTime() % 100_000_000;
	}

	@Test
	void a_dependent_of_another_household_cannot_be_named_as_subject() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "続柄健康保険組合");
		String mine = unique();
		String theirs = unique();
		roster.upsert(tenant.id(), List.of(person(tenant, mine, "01"), person(tenant, theirs, "01")));
		long myChild = roster.household(tenant.id(), "01", mine).get(0).id();
		long theirChild = roster.household(tenant.id(), "01", theirs).get(0).id();
		var member = authentication(TestPrincipals.member(tenant.id(), "01", mine));
		MockMultipartFile pdf = new MockMultipartFile("file", "在学証明書.pdf", "application/pdf", TestFiles.pdf(1));

		mvc.perform(multipart("/documents").file(pdf)
			.param("slot", "STUDENT_CERTIFICATE")
			.param("subject", String.valueOf(theirChild))
			.with(member)
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(multipart("/documents").file(pdf)
			.param("slot", "STUDENT_CERTIFICATE")
			.param("subject", String.valueOf(myChild))
			.with(member)
			.with(csrf())).andExpect(redirectedUrl("/documents#document-STUDENT_CERTIFICATE-" + myChild + "-result"));

		assertThat(documents.list(new DocumentOwner(tenant.id(), "01", mine))).singleElement()
			.satisfies(d -> assertThat(d.subjectPersonId()).isEqualTo(myChild))
			.satisfies(d -> assertThat(d.slot()).isEqualTo("STUDENT_CERTIFICATE"));
	}

	@Test
	void a_change_policy_can_freeze_the_files_of_a_submitted_household() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "提出済み健康保険組合");
		String bango = unique();
		DocumentOwner owner = new DocumentOwner(tenant.id(), LockedHouseholdPolicy.LOCKED_KIGO, bango);
		StoredDocument doc = LockedHouseholdPolicy
			.beforeSubmission(() -> documents.store(owner, null, "OTHER", "a.pdf", TestFiles.pdf(1)));
		var member = authentication(TestPrincipals.member(tenant.id(), LockedHouseholdPolicy.LOCKED_KIGO, bango));

		// Refused changes come back to the page with a Japanese message in the slot,
		// never an error page.
		mvc.perform(multipart("/documents")
			.file(new MockMultipartFile("file", "b.pdf", "application/pdf", TestFiles.pdf(1)))
			.with(member)
			.with(csrf()))
			.andExpect(redirectedUrl("/documents#document-OTHER-error"))
			.andExpect(flash().attribute("documentError", new jp.kennin.document.web.UploadError("OTHER", null,
					"現在、書類を追加できません（健康保険組合の確認が始まったか、回答期限を過ぎています）")));
		mvc.perform(post("/documents/{id}/delete", doc.id()).with(member).with(csrf()))
			.andExpect(redirectedUrl("/documents#document-OTHER-error"))
			.andExpect(flash().attribute("documentError", new jp.kennin.document.web.UploadError("OTHER", null,
					"「a.pdf」は提出済みのため、削除できません。誤りがあった場合は、正しい書類を追加してください")));
		// And the page offers neither.
		String page = mvc.perform(get("/documents").with(member)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("a.pdf").doesNotContain("/delete").doesNotContain("type=\"file\"");

		assertThat(documents.list(owner)).hasSize(1);
	}

	@Test
	void staff_view_images_inline_and_thumbnails_are_audited_too() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "審査健康保険組合");
		DocumentOwner owner = new DocumentOwner(tenant.id(), "01", unique());
		StoredDocument photo = documents.store(owner, null, "OTHER", "photo.jpg",
				TestFiles.jpeg(TestFiles.photo(400, 300, 1, 10), 0.9f));
		StoredDocument pdf = documents.store(owner, null, "OTHER", "doc.pdf", TestFiles.pdf(1));
		String admin = "admin-" + unique();
		var staff = authentication(TestPrincipals.staff(tenant.id(), admin, "TENANT_ADMIN"));

		mvc.perform(get("/admin/documents/{id}/view", photo.id()).with(staff))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("sandbox")));
		mvc.perform(get("/admin/documents/{id}/view", pdf.id()).with(staff))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
		mvc.perform(get("/admin/documents/{id}/thumbnail", photo.id()).with(staff)).andExpect(status().isOk());
		mvc.perform(get("/admin/documents/{id}/thumbnail", pdf.id()).with(staff)).andExpect(status().isNotFound());

		List<AuditEntry> entries = audit.search(new AuditLog.Query(tenant.id(), Instant.EPOCH, null, admin, null, 20));
		assertThat(entries).extracting(AuditEntry::type).containsOnly("DOCUMENT_VIEWED_BY_STAFF").hasSize(4);
		assertThat(entries).extracting(e -> e.details().get("view")).contains("document", "thumbnail");
	}

	@Test
	void a_member_of_the_staff_chain_without_a_reviewing_role_sees_nothing() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "役割健康保険組合");
		StoredDocument doc = documents.store(new DocumentOwner(tenant.id(), "01", unique()), null, "OTHER", "x.pdf",
				TestFiles.pdf(1));

		mvc.perform(get("/admin/documents/{id}", doc.id())
			.with(authentication(TestPrincipals.staff(tenant.id(), "someone", "OPERATOR"))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/documents/{id}", doc.id())).andExpect(status().is3xxRedirection());
	}

	private static RosterPerson person(Tenant tenant, String bango, String edaban) {
		return new RosterPerson(0, tenant.id(), "01", bango, edaban, false, "長男", RelationshipCategory.CHILD, "健保 一郎",
				"ケンポ イチロウ", LocalDate.of(2006, 5, 20), RosterPerson.Gender.MALE, null, "001", "本社", true, null, true);
	}

}
