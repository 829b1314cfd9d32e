package jp.kennin.review.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.document.DocumentRejectedException;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.review.Rebuttals;
import jp.kennin.review.Rebuttals.Attachment;
import jp.kennin.review.Rebuttals.MemberActor;
import jp.kennin.review.ReviewProblem;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's 削除予定 page ({@code /survey/removals}): each removal within its rebuttal
 * window with the last day, and a form to respond; rules in {@link Rebuttals}.
 */
@Controller
class RebuttalController {

	static final String VIEW = "review/member/removals";

	private final Rebuttals rebuttals;

	private final MessageSource messages;

	RebuttalController(Rebuttals rebuttals, MessageSource messages) {
		this.rebuttals = rebuttals;
		this.messages = messages;
	}

	@GetMapping("/survey/removals")
	String list(Authentication auth, HttpServletRequest request, Model model) {
		model.addAttribute("removals", rebuttals.scheduled(member(auth, request)));
		return VIEW;
	}

	@PostMapping("/survey/removals/{decisionId}")
	String respond(Authentication auth, HttpServletRequest request, @PathVariable long decisionId,
			@RequestParam(defaultValue = "") String message,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale, Model model,
			RedirectAttributes redirect) throws IOException {
		MemberActor member = member(auth, request);
		try {
			rebuttals.respond(member, decisionId, message, attachments(files));
		}
		catch (ReviewProblem problem) {
			return again(model, member, decisionId, message,
					Rebuttals.TOO_MANY_FILES.equals(problem.messageKey()) ? "files" : "message",
					messages.getMessage(problem.messageKey(), null, locale));
		}
		catch (DocumentRejectedException rejected) {
			return again(model, member, decisionId, message, "files",
					messages.getMessage(rejected.messageKey(), rejected.args(), locale) + " "
							+ messages.getMessage("review.rebuttal.problem.chooseAgain", null, locale));
		}
		redirect.addFlashAttribute("responded", true);
		return "redirect:/survey/removals";
	}

	/** The page again with the problem next to its field and the message as typed. */
	private String again(Model model, MemberActor member, long decisionId, String message, String field,
			String problem) {
		model.addAttribute("problem", problem);
		model.addAttribute("problemField", field);
		model.addAttribute("problemFor", decisionId);
		model.addAttribute("message", message);
		model.addAttribute("removals", rebuttals.scheduled(member));
		return VIEW;
	}

	/** The files chosen (a browser sends one empty part when none was). */
	private static List<Attachment> attachments(List<MultipartFile> files) throws IOException {
		List<Attachment> out = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					out.add(new Attachment(file.getOriginalFilename(), file.getBytes()));
				}
			}
		}
		return out;
	}

	private static MemberActor member(Authentication auth, HttpServletRequest request) {
		if (auth != null && auth.getPrincipal() instanceof HouseholdScopedPrincipal member) {
			return new MemberActor(member.tenantId(), member.kigo(), member.bango(), auth.getName(),
					request.getRemoteAddr());
		}
		throw new AccessDeniedException("removals belong to a member's household");
	}

}
