package jp.kennin.review.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.Downloads;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewExports;
import jp.kennin.review.ReviewExports.Format;
import jp.kennin.review.ReviewExports.Kind;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of a campaign's review results (docs/results-format.md): the removal list as
 * CSV (Windows-31J or UTF-8 with BOM, {@code ?encoding=sjis|utf8}) or XLSX, and every
 * determination, the households that did not submit and the statistics per office, each
 * as CSV or XLSX.
 */
@Controller
class ReviewExportController {

	private final ReviewExports exports;

	ReviewExportController(ReviewExports exports) {
		this.exports = exports;
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/removals.csv")
	void removalsCsv(StaffActor staff, @PathVariable long id, @RequestParam(defaultValue = "sjis") String encoding,
			HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.REMOVALS, csv(encoding)));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/removals.xlsx")
	void removalsXlsx(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.REMOVALS, Format.XLSX));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/determinations.csv")
	void determinationsCsv(StaffActor staff, @PathVariable long id,
			@RequestParam(defaultValue = "sjis") String encoding, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.DETERMINATIONS, csv(encoding)));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/determinations.xlsx")
	void determinationsXlsx(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.DETERMINATIONS, Format.XLSX));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/non-respondents.csv")
	void nonRespondentsCsv(StaffActor staff, @PathVariable long id,
			@RequestParam(defaultValue = "sjis") String encoding, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.NON_RESPONDENTS, csv(encoding)));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/non-respondents.xlsx")
	void nonRespondentsXlsx(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.NON_RESPONDENTS, Format.XLSX));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/statistics.csv")
	void statisticsCsv(StaffActor staff, @PathVariable long id, @RequestParam(defaultValue = "sjis") String encoding,
			HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.STATISTICS, csv(encoding)));
	}

	@GetMapping("/admin/campaigns/{id}/review/exports/statistics.xlsx")
	void statisticsXlsx(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, exports.export(ReviewActor.of(staff), id, Kind.STATISTICS, Format.XLSX));
	}

	/** Anything but utf8 is the Windows-31J default, as for the forms CSV. */
	private static Format csv(String encoding) {
		return "utf8".equals(encoding) ? Format.CSV_UTF8 : Format.CSV_WINDOWS_31J;
	}

	private static void send(HttpServletResponse response, ReviewExports.Download download) throws IOException {
		response.setContentType(download.contentType());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(Downloads.safeFileName(download.fileName()), StandardCharsets.UTF_8)
					.build()
					.toString());
		download.body().writeTo(response.getOutputStream());
	}

}
