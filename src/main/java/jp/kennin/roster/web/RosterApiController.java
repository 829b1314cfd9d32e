package jp.kennin.roster.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.internal.ApiClient;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * {@code POST /api/v1/roster/imports?mode=snapshot|delta[&dryRun=true]} with the CSV as
 * the request body ({@code Content-Type: text/csv}, streamed, no size limit) or as the
 * multipart part {@code file}. 200 with counts when applied (or validated, for a dry
 * run), 422 with all errors when rejected.
 */
@RestController
class RosterApiController {

	private final RosterImports imports;

	RosterApiController(RosterImports imports) {
		this.imports = imports;
	}

	record ApiCounts(int rows, int added, int updated, int unchanged, int deactivated) {
	}

	record ApiError(Integer line, String column, String message, String text) {
	}

	record ApiResult(long importId, String status, ApiCounts counts, int errorCount, List<ApiError> errors) {
	}

	@PostMapping("/api/v1/roster/imports")
	ResponseEntity<?> importRoster(@AuthenticationPrincipal ApiClient client, @RequestParam String mode,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(name = "fileName", defaultValue = "api.csv") String fileName, HttpServletRequest request)
			throws IOException {
		Mode parsed = switch (mode.toLowerCase(Locale.ROOT)) {
			case "snapshot" -> Mode.SNAPSHOT;
			case "delta" -> Mode.DELTA;
			default -> null;
		};
		if (parsed == null) {
			return ResponseEntity.badRequest()
				.body(new ApiResult(0, "BAD_REQUEST", null, 1,
						List.of(new ApiError(null, null, "mode は snapshot か delta です", "mode は snapshot か delta です"))));
		}
		ImportRequest importRequest = new ImportRequest(client.tenantId(), parsed, Source.API, fileName,
				client.getName(), null, request.getRemoteAddr(), dryRun);
		ImportResult result;
		try (InputStream body = body(request)) {
			result = imports.run(importRequest, body, null);
		}
		return ResponseEntity.status(result.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(toJson(result));
	}

	private static InputStream body(HttpServletRequest request) throws IOException {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			MultipartFile file = multipart.getFile("file");
			return file == null ? InputStream.nullInputStream() : file.getInputStream();
		}
		return request.getInputStream();
	}

	static ApiResult toJson(ImportResult r) {
		var c = r.counts();
		String status = !r.valid() ? "INVALID" : r.applied() ? "APPLIED" : "VALIDATED";
		return new ApiResult(r.importId(), status,
				c == null ? null : new ApiCounts(c.rows(), c.added(), c.updated(), c.unchanged(), c.deactivated()),
				r.errorCount(),
				r.errors().stream().map(p -> new ApiError(p.line(), p.column(), p.message(), p.text())).toList());
	}

}
