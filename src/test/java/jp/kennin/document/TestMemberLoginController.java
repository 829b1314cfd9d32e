package jp.kennin.document;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Test-only stand-in for the member login (built by the account module in parallel): puts
 * a member principal for one household into the session, so browser tests can use the
 * real document pages. Lives under /test-only/**, which only the test sources make
 * public.
 */
@Controller
class TestMemberLoginController {

	@GetMapping("/test-only/member-login")
	String login(@RequestParam long tenant, @RequestParam String kigo, @RequestParam String bango,
			HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(TestPrincipals.member(tenant, kigo, bango));
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		return "redirect:/documents";
	}

}
