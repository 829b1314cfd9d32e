package jp.kennin.lossnotice.web;

import jp.kennin.lossnotice.LossNotices;
import jp.kennin.lossnotice.NoticeKind;
import jp.kennin.platform.HouseholdScopedPrincipal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The member's removal notice and certificate of a dependent, linked from the survey page
 * once the form is 確認完了.
 */
@Controller
class MemberNoticeController {

	private final LossNotices notices;

	MemberNoticeController(LossNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/survey/{formId}/notices/{dependentId}/notice.pdf")
	ResponseEntity<byte[]> notice(Authentication auth, @PathVariable long formId, @PathVariable long dependentId) {
		return NoticeResponses.pdf(notices.forMember(member(auth), formId, dependentId, NoticeKind.NOTICE));
	}

	@GetMapping("/survey/{formId}/notices/{dependentId}/certificate.pdf")
	ResponseEntity<byte[]> certificate(Authentication auth, @PathVariable long formId, @PathVariable long dependentId) {
		return NoticeResponses.pdf(notices.forMember(member(auth), formId, dependentId, NoticeKind.CERTIFICATE));
	}

	private static HouseholdScopedPrincipal member(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof HouseholdScopedPrincipal member) {
			return member;
		}
		throw new AccessDeniedException("removal notices belong to a member's household");
	}

}
