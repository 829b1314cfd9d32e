package jp.kennin.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.BlindIncomes;
import jp.kennin.review.Decision;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewCorrections;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.ReviewView;
import jp.kennin.review.Reviews;
import jp.kennin.review.SelfRemovals;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.ProxySubmissions;
import jp.kennin.survey.SurveyReviewSteps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review screen of one form and its steps: a decision per dependent, the approval of
 * removals, the memo, 差し戻し and 確認完了. Every step posts the review's version and comes back
 * here (post/redirect/get).
 */
@Controller
@RequestMapping("/admin/reviews/{formId}")
class ReviewController {

	static final String VIEW_REVIEW = "review/review";

	private static final Pattern DOCUMENT_REASON = Pattern.compile("document-reason-(\\d{1,18})-(\\d{1,18})");

	private final Reviews reviews;

	private final SurveyReviewSteps forms;

	private final Documents documents;

	private final ReviewCorrections corrections;

	private final ProxySubmissions proxySubmissions;

	private final BlindIncomes blindIncomes;

	ReviewController(Reviews reviews, SurveyReviewSteps forms, Documents documents, ReviewCorrections corrections,
			ProxySubmissions proxySubmissions, BlindIncomes blindIncomes) {
		this.corrections = corrections;
		this.proxySubmissions = proxySubmissions;
		this.blindIncomes = blindIncomes;
		this.reviews = reviews;
		this.forms = forms;
		this.documents = documents;
	}

	@GetMapping
	String show(StaffActor staff, @PathVariable long formId, Model model) {
		ReviewActor actor = ReviewActor.of(staff);
		ReviewView view = reviews.view(actor, formId);
		var household = documents.listForStaff(actor.tenantId(), view.form().form().kigo(), view.form().form().bango());
		Map<Long, List<StoredDocument>> files = new LinkedHashMap<>();
		for (FormDependent d : view.form().dependents()) {
			files.put(d.id(),
					household.stream()
						.filter(f -> Long.valueOf(d.rosterPersonId()).equals(f.subjectPersonId()))
						.toList());
		}
		model.addAttribute("review", view);
		// 「代行入力（紙）」 when staff entered the form for the member (issue 12 screen 8).
		model.addAttribute("proxyChannel", proxySubmissions.latestChannel(actor.tenantId(), formId).orElse(null));
		model.addAttribute("precheck", forms.precheck(view.form()));
		model.addAttribute("files", files);
		model.addAttribute("decisions", Decision.values());
		model.addAttribute("lossReasons", LossReason.values());
		model.addAttribute("admin", actor.tenantAdmin());
		model.addAttribute("me", actor.loginId());
		model.addAttribute("changes", corrections.changes(actor, formId));
		model.addAttribute("timeline", corrections.timeline(actor, view));
		model.addAttribute("blind", blindIncomes.view(actor, formId));
		model.addAttribute("selfRemovals", SelfRemovals.of(view.form()));
		return VIEW_REVIEW;
	}

	@PostMapping("/dependents/{dependentId}/decision")
	String decide(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String lossDate, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		LocalDate loss;
		try {
			loss = lossDate == null || lossDate.isBlank() ? null : LocalDate.parse(lossDate.strip());
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", ReviewProblem.LOSS_DATE_REQUIRED);
			return ReviewPages.redirectTo(formId);
		}
		var input = new Reviews.DependentDecision(parse(Decision.class, decision), loss,
				parse(LossReason.class, reason), note);
		redirect.addFlashAttribute("entered", Map.of("dependentId", dependentId, "note", note == null ? "" : note));
		return ReviewPages.act(redirect, formId, "review.flash.decided",
				() -> reviews.decide(actor, formId, version, dependentId, input));
	}

	@PostMapping("/dependents/{dependentId}/approve")
	String approve(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		return ReviewPages.act(redirect, formId, "review.flash.approved",
				() -> reviews.approveRemoval(actor, formId, version, dependentId));
	}

	@PostMapping("/dependents/{dependentId}/send-back")
	String sendBack(StaffActor staff, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		return ReviewPages.act(redirect, formId, "review.flash.sentBack",
				() -> reviews.sendBackRemoval(actor, formId, version, dependentId, note));
	}

	@PostMapping("/memo")
	String memo(StaffActor staff, @PathVariable long formId, @RequestParam(defaultValue = "-1") int version,
			@RequestParam(required = false) String memo, RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		return ReviewPages.act(redirect, formId, "review.flash.memo",
				() -> reviews.saveMemo(actor, formId, version, memo));
	}

	/**
	 * 差し戻し: the message, one reason field per dependent (reason-ID) and an optional
	 * deadline date.
	 */
	@PostMapping("/return")
	String returnForCorrection(StaffActor staff, @PathVariable long formId,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String message,
			@RequestParam(required = false) String deadline, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		List<Reviews.ReturnReason> reasons = new ArrayList<>();
		params.forEach((name, value) -> {
			if (name.matches("reason-\\d{1,18}") && value != null && !value.isBlank()) {
				reasons.add(new Reviews.ReturnReason(Long.parseLong(name.substring(7)), null, value));
			}
			// A 不備 document ticked on the return form:
			// document-reason-<dependent>-<document>.
			var document = DOCUMENT_REASON.matcher(name);
			if (document.matches() && value != null && !value.isBlank()) {
				reasons.add(new Reviews.ReturnReason(Long.parseLong(document.group(1)),
						Long.parseLong(document.group(2)), value));
			}
		});
		Instant until;
		try {
			until = deadline == null || deadline.isBlank() ? null
					: LocalDate.parse(deadline.strip()).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", ReviewProblem.DEADLINE_PASSED);
			return ReviewPages.redirectTo(formId);
		}
		redirect.addFlashAttribute("returnMessage", message);
		return ReviewPages.act(redirect, formId, "review.flash.returned", () -> reviews.returnForCorrection(actor,
				formId, version, new Reviews.ReturnRequest(message, reasons, until)));
	}

	@PostMapping("/complete")
	String complete(StaffActor staff, @PathVariable long formId, @RequestParam(defaultValue = "-1") int version,
			RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		return ReviewPages.act(redirect, formId, "review.flash.completed",
				() -> reviews.complete(actor, formId, version));
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
