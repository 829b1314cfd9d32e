package jp.kennin.retention.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.Downloads;
import jp.kennin.platform.StaffActor;
import jp.kennin.retention.Retention;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * 開示請求用データ (TENANT_ADMIN): one ZIP with everything Kennin holds about a household,
 * written to the response entry by entry (never built whole in memory). Reached from the
 * person detail of the roster search; another insurer's person is not found.
 */
@Controller
class MemberExportController {

	private final Retention retention;

	MemberExportController(Retention retention) {
		this.retention = retention;
	}

	@GetMapping("/admin/retention/export/{personId}")
	void export(@PathVariable long personId, StaffActor staff, HttpServletResponse response) throws IOException {
		Retention.MemberExport export = retention.export(staff, personId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String name = Downloads.safeFileName(export.fileName());
		response.setContentType("application/zip");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
				+ "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		export.writeTo(response.getOutputStream());
	}

}
