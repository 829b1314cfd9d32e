package jp.kennin.review.web;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.review.Rebuttals;
import jp.kennin.review.Rebuttals.MemberActor;
import jp.kennin.review.ReviewProblem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's 削除予定 page ({@code /survey/removals}): each removal within its rebuttal
 * window with the last day, and a form to respond; rules in {@link Rebuttals}.
 */
@Controller
class RebuttalController {

	static final String VIEW = "review/member/removals";

	private final Rebuttals rebuttals;

	RebuttalController(Rebuttals rebuttals) {
		this.rebuttals = rebuttals;
	}

	@GetMapping("/survey/removals")
	String list(Authentication auth, HttpServletRequest request, Model model) {
		model.addAttribute("removals", rebuttals.scheduled(member(auth, request)));
		return VIEW;
	}

	@PostMapping("/survey/removals/{decisionId}")
	String respond(Authentication auth, HttpServletRequest request, @PathVariable long decisionId,
			@RequestParam(defaultValue = "") String message, Model model, RedirectAttributes redirect) {
		MemberActor member = member(auth, request);
		try {
			rebuttals.respond(member, decisionId, message);
		}
		catch (ReviewProblem problem) {
			model.addAttribute("problem", problem.messageKey());
			model.addAttribute("problemFor", decisionId);
			model.addAttribute("message", message);
			model.addAttribute("removals", rebuttals.scheduled(member));
			return VIEW;
		}
		redirect.addFlashAttribute("responded", true);
		return "redirect:/survey/removals";
	}

	private static MemberActor member(Authentication auth, HttpServletRequest request) {
		if (auth != null && auth.getPrincipal() instanceof HouseholdScopedPrincipal member) {
			return new MemberActor(member.tenantId(), member.kigo(), member.bango(), auth.getName(),
					request.getRemoteAddr());
		}
		throw new AccessDeniedException("removals belong to a member's household");
	}

}
