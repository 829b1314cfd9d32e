package jp.kennin.document;

import java.nio.file.AccessDeniedException;

import jakarta.servlet.RequestDispatcher;

import jp.kennin.document.internal.TestFiles;
import jp.kennin.storage.FileStorage;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 item 6: the file store refuses access (permission denied on the local folder,
 * as the store's own AccessDeniedException says). An existing document is "cannot be read
 * right now" (503), not "page not found", and the log names the real cause.
 */
@KenninIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StorageOutageIntegrationTests {

	@Autowired
	Documents documents;

	@Autowired
	Tenants tenants;

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	FileStorage storage;

	@Test
	void an_unreadable_store_is_cannot_read_right_now_for_member_and_staff_and_the_log_says_why(CapturedOutput output)
			throws Exception {
		Tenant tenant = TestTenants.create(tenants, "障害健康保険組合");
		String bango = "o" + System.nanoTime() % 100_000_000;
		StoredDocument doc = documents.store(new DocumentOwner(tenant.id(), "01", bango), null, "OTHER", "x.pdf",
				TestFiles.pdf(1));
		var member = authentication(TestPrincipals.member(tenant.id(), "01", bango));
		var staff = authentication(TestPrincipals.staff(tenant.id(), "outage-admin", "TENANT_ADMIN"));
		mvc.perform(get("/documents/{id}", doc.id()).with(member)).andExpect(status().isOk());

		doThrow(new AccessDeniedException("/var/lib/kennin/files/ab")).when(storage).get(anyString());
		try {
			mvc.perform(get("/documents/{id}", doc.id()).with(member)).andExpect(status().isServiceUnavailable());
			mvc.perform(get("/admin/documents/{id}", doc.id()).with(staff)).andExpect(status().isServiceUnavailable());
		}
		finally {
			reset(storage);
		}
		assertThat(output.getOut() + output.getErr())
			.contains("Stored bytes of document " + doc.id() + " cannot be read right now: AccessDeniedException")
			.doesNotContain("Stored bytes of document " + doc.id() + " are missing");

		// The page Boot renders for that status (the error dispatch MockMvc does not do).
		String page = mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 503)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/documents/" + doc.id()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("今は読み込めません（しばらくしてから）").doesNotContain("ページが見つかりません");
	}

}
