package jp.kennin.notice.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.notice.Notices;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.PublicPaths;
import jp.kennin.platform.StaffActor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Notices as members read them: an insurer's notice on its own page
 * ({@code /home/notices/{id}}, Markdown rendered safely, the attachment offered) and
 * attachments of published notices ({@code /notices/{id}/attachment}). Who may see what
 * is {@link Notices.Reader#maySee}'s rule.
 */
@Controller
class NoticeReaderController {

	static final String VIEW_MEMBER_NOTICE = "notice/memberNotice";

	private final Notices notices;

	NoticeReaderController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/home/notices/{id}")
	String memberNotice(@PathVariable long id, Authentication auth, Model model) {
		Long tenant = memberTenant(auth);
		if (tenant == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("notice",
				notices.findPublished(tenant, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return VIEW_MEMBER_NOTICE;
	}

	/**
	 * Open to visitors for site notices; the member chain lets the request through and
	 * the rule decides.
	 */
	@GetMapping("/notices/{id}/attachment")
	void attachment(@PathVariable long id, Authentication auth, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Notices.Reader reader = new Notices.Reader(memberTenant(auth), StaffActor.ofSession(request).orElse(null));
		Notices.Attachment a = notices.openPublishedAttachment(id, reader)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Downloads.send(response, a.fileName(), "application/pdf", true, a.content());
	}

	/**
	 * The tenant of the logged-in member, or null (visitors; staff have their own chain
	 * and session key).
	 */
	private static Long memberTenant(Authentication auth) {
		return auth != null && auth.getPrincipal() instanceof HouseholdScopedPrincipal member ? member.tenantId()
				: null;
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths noticeAttachmentPublicPaths() {
			return PublicPaths.of("/notices/*/attachment");
		}

	}

}
