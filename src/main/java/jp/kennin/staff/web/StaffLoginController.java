package jp.kennin.staff.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StaffLoginController {

	static final String VIEW_LOGIN = "staff/login";

	static final String VIEW_HOME = "staff/home";

	@GetMapping("/admin/login")
	String login() {
		return VIEW_LOGIN;
	}

	@GetMapping("/admin")
	String home() {
		return VIEW_HOME;
	}

}
