package jp.kennin.home;

import jp.kennin.notice.Notices;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class PublicPagesController {

	static final String VIEW_INDEX = "home/index";

	static final String VIEW_BROWSERS = "home/browsers";

	static final String VIEW_NOTICE = "home/notice";

	private final Notices notices;

	PublicPagesController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/")
	String index(jakarta.servlet.http.HttpServletRequest request, Model model) {
		// A logged-in member's start page is their home page (account module).
		if (request.getUserPrincipal() instanceof Authentication login
				&& login.getPrincipal() instanceof HouseholdScopedPrincipal) {
			return "redirect:/home";
		}
		model.addAttribute("siteNotices", notices.publishedSiteNotices());
		return VIEW_INDEX;
	}

	@GetMapping("/browsers")
	String browsers() {
		return VIEW_BROWSERS;
	}

	@GetMapping("/notices/{id}")
	String siteNotice(@PathVariable long id, Model model) {
		model.addAttribute("notice",
				notices.findPublished(null, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return VIEW_NOTICE;
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths homePublicPaths() {
			return PublicPaths.of("/", "/browsers", "/notices/*");
		}

	}

}
