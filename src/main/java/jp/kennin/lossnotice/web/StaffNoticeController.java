package jp.kennin.lossnotice.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.lossnotice.LossNotices;
import jp.kennin.lossnotice.LossNotices.BundleFormat;
import jp.kennin.lossnotice.NoticeKind;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Staff downloads of removal notices: one dependent's from the review screen, or a whole
 * campaign's (one PDF, or a ZIP of one PDF per dependent and document).
 */
@Controller
class StaffNoticeController {

	private final LossNotices notices;

	StaffNoticeController(LossNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/admin/reviews/{formId}/dependents/{dependentId}/notice.pdf")
	ResponseEntity<byte[]> notice(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId) {
		return NoticeResponses.pdf(notices.forStaff(ReviewActor.of(staff), formId, dependentId, NoticeKind.NOTICE));
	}

	@GetMapping("/admin/reviews/{formId}/dependents/{dependentId}/certificate.pdf")
	ResponseEntity<byte[]> certificate(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId) {
		return NoticeResponses
			.pdf(notices.forStaff(ReviewActor.of(staff), formId, dependentId, NoticeKind.CERTIFICATE));
	}

	@GetMapping("/admin/campaigns/{id}/notices.pdf")
	void bundlePdf(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, notices.campaignBundle(ReviewActor.of(staff), id, BundleFormat.PDF));
	}

	@GetMapping("/admin/campaigns/{id}/notices.zip")
	void bundleZip(StaffActor staff, @PathVariable long id, HttpServletResponse response) throws IOException {
		send(response, notices.campaignBundle(ReviewActor.of(staff), id, BundleFormat.ZIP));
	}

	private static void send(HttpServletResponse response, LossNotices.Bundle bundle) throws IOException {
		response.setContentType(bundle.contentType());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, NoticeResponses.disposition(bundle.fileName()));
		bundle.body().writeTo(response.getOutputStream());
	}

}
