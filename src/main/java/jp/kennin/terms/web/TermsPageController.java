package jp.kennin.terms.web;

import jp.kennin.platform.PublicPaths;
import jp.kennin.terms.TermsOfUse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The current terms, readable by anyone (linked from every page's footer).
 */
@Controller
class TermsPageController {

	static final String VIEW_TERMS = "terms/terms";

	private final TermsOfUse terms;

	TermsPageController(TermsOfUse terms) {
		this.terms = terms;
	}

	@GetMapping("/terms")
	String showTerms(Model model) {
		model.addAttribute("terms", terms.current());
		return VIEW_TERMS;
	}

	@Configuration(proxyBeanMethods = false)
	static class Paths {

		@Bean
		PublicPaths termsPublicPaths() {
			return PublicPaths.of("/terms");
		}

	}

}
