package jp.kennin.staff.web;

import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StaffLoginController {

	static final String VIEW_LOGIN = "staff/login";

	static final String VIEW_HOME = "staff/home";

	@GetMapping("/admin/login")
	String login() {
		return VIEW_LOGIN;
	}

	/**
	 * The staff home: a menu of what the staff member's role may do. An office contact
	 * may do one thing, so their home is their offices' page (also right after login,
	 * which lands here).
	 */
	@GetMapping("/admin")
	String home(StaffActor actor, Model model) {
		if (actor.officeContact()) {
			return "redirect:/admin/office";
		}
		model.addAttribute("actor", actor);
		return VIEW_HOME;
	}

}
