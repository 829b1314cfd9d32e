package jp.kennin.review.web;

import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.ReviewQueues;
import jp.kennin.review.Reviews;
import jp.kennin.survey.ReviewQueue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's review queue: the forms handed in, by tab with counts, filtered, searched,
 * sorted and paged by key; 「審査を始める」 takes a form into review and opens it.
 */
@Controller
class ReviewQueueController {

	static final String VIEW_QUEUE = "review/queue";

	/** The value of the filter 「収入の不一致あり」 ({@code income=MISMATCH}). */
	static final String MISMATCH = "MISMATCH";

	private final ReviewQueues queues;

	private final Reviews reviews;

	private final jp.kennin.survey.ProxySubmissions proxySubmissions;

	ReviewQueueController(ReviewQueues queues, Reviews reviews, jp.kennin.survey.ProxySubmissions proxySubmissions) {
		this.proxySubmissions = proxySubmissions;
		this.queues = queues;
		this.reviews = reviews;
	}

	@GetMapping("/admin/campaigns/{id}/review")
	String queue(StaffActor staff, @PathVariable long id, @RequestParam(required = false) String tab,
			@RequestParam(required = false) String office, @RequestParam(required = false) String documents,
			@RequestParam(required = false) String reviewer, @RequestParam(required = false) String waiting,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String afterKey, @RequestParam(required = false) Long afterId,
			@RequestParam(required = false) String precheck, @RequestParam(required = false) String income,
			Model model) {
		ReviewActor actor = ReviewActor.of(staff);
		ReviewQueue.Filter filter = new ReviewQueue.Filter(parse(ReviewQueue.Tab.class, tab), blank(office),
				parse(ReviewQueue.DocumentFilter.class, documents), blank(reviewer), days(waiting), blank(q),
				parse(ReviewQueue.Sort.class, sort), parse(ReviewQueue.PrecheckFilter.class, precheck),
				MISMATCH.equals(income));
		ReviewQueue.After after = afterKey == null || afterId == null ? null : new ReviewQueue.After(afterKey, afterId);
		var queue = queues.list(actor, id, filter, after);
		model.addAttribute("queue", queue);
		// 「代行入力（紙）」 on the forms staff entered for the member (issue 12 screen 8).
		model.addAttribute("proxyChannels", proxySubmissions.latestChannels(actor.tenantId(),
				queue.page().rows().stream().map(ReviewQueue.Row::formId).toList()));
		model.addAttribute("filter", filter);
		model.addAttribute("selectedTab", filter.tab() == null ? ReviewQueue.Tab.SUBMITTED : filter.tab());
		model.addAttribute("tabs", ReviewQueue.Tab.values());
		model.addAttribute("documentFilters", ReviewQueue.DocumentFilter.values());
		model.addAttribute("sorts", ReviewQueue.Sort.values());
		model.addAttribute("precheckFilters", ReviewQueue.PrecheckFilter.values());
		model.addAttribute("paged", after != null);
		return VIEW_QUEUE;
	}

	@PostMapping("/admin/campaigns/{id}/review/{formId}/start")
	String start(StaffActor staff, @PathVariable long id, @PathVariable long formId, RedirectAttributes redirect) {
		ReviewActor actor = ReviewActor.of(staff);
		try {
			reviews.start(actor, formId);
			redirect.addFlashAttribute("flash", "review.flash.started");
			return ReviewPages.redirectTo(formId);
		}
		catch (ReviewProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/admin/campaigns/" + id + "/review";
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Integer days(String value) {
		try {
			return value == null || value.isBlank() ? null : Math.max(0, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
