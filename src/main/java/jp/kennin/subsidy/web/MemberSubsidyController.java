package jp.kennin.subsidy.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kennin.document.DocumentSettings;
import jp.kennin.platform.MemberAccountPrincipal;
import jp.kennin.subsidy.ClaimReview.ReceiptCheck;
import jp.kennin.subsidy.MemberSubsidies;
import jp.kennin.subsidy.MemberSubsidies.ClaimInput;
import jp.kennin.subsidy.MemberSubsidies.ClaimRefused;
import jp.kennin.subsidy.MemberSubsidies.ClaimView;
import jp.kennin.subsidy.MemberSubsidies.Member;
import jp.kennin.subsidy.MemberSubsidies.Overview;
import jp.kennin.subsidy.MemberSubsidies.PersonEntry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * インフルエンザ補助金申請 for members: the overview, the claim form per person and dose, the claim
 * page (receipt upload, the five checks, the computed subsidy, send, withdraw) and the
 * bank account for bank-transfer payments. Binds, calls {@link MemberSubsidies} and
 * redirects; a refusal comes back next to its field with everything typed kept.
 */
@Controller
class MemberSubsidyController {

	static final String VIEW_OVERVIEW = "subsidy/member/overview";

	static final String VIEW_FORM = "subsidy/member/claimForm";

	static final String VIEW_CLAIM = "subsidy/member/claim";

	static final String VIEW_PAYEE = "subsidy/member/payee";

	static final String FORM = "claimForm";

	private final MemberSubsidies subsidies;

	private final DocumentSettings documentSettings;

	MemberSubsidyController(MemberSubsidies subsidies, DocumentSettings documentSettings) {
		this.subsidies = subsidies;
		this.documentSettings = documentSettings;
	}

	@InitBinder(FORM)
	void initBinder(WebDataBinder binder) {
		binder.setAllowedFields("person", "dose", "shotDate", "clinic", "paidYen", "aidYen", "combinedReceipt",
				"combinedNote", "version");
	}

	@GetMapping("/subsidy")
	String overview(Authentication auth, HttpServletRequest request, Model model) {
		model.addAttribute("overview", subsidies.overview(member(auth, request)));
		return VIEW_OVERVIEW;
	}

	@GetMapping("/subsidy/claims/new")
	String newClaim(Authentication auth, HttpServletRequest request, @RequestParam long person,
			@RequestParam(defaultValue = "1") int dose, Model model) {
		Member member = member(auth, request);
		Long draft = subsidies.draftFor(member, person, dose).orElse(null);
		if (draft != null) {
			return "redirect:/subsidy/claims/" + draft + "/edit";
		}
		MemberClaimForm form = new MemberClaimForm();
		form.setPerson(person);
		form.setDose(dose);
		model.addAttribute(FORM, form);
		return form(member, person, dose, null, model);
	}

	@PostMapping("/subsidy/claims/new")
	String start(Authentication auth, HttpServletRequest request, @ModelAttribute(FORM) MemberClaimForm form,
			BindingResult result, Model model) {
		Member member = member(auth, request);
		ClaimInput input = form.validate(result);
		if (input != null) {
			try {
				return "redirect:/subsidy/claims/" + subsidies.start(member, input);
			}
			catch (ClaimRefused ex) {
				reject(result, ex);
			}
		}
		return form(member, form.getPerson(), form.getDose(), null, model);
	}

	@GetMapping("/subsidy/claims/{id}/edit")
	String edit(Authentication auth, HttpServletRequest request, @PathVariable long id, Model model) {
		Member member = member(auth, request);
		ClaimView claim = found(member, id);
		if (!claim.editable()) {
			return "redirect:/subsidy/claims/" + id;
		}
		model.addAttribute(FORM, MemberClaimForm.of(claim.input(), claim.version()));
		return form(member, claim.input().personId(), claim.input().dose(), claim, model);
	}

	@PostMapping("/subsidy/claims/{id}/edit")
	String change(Authentication auth, HttpServletRequest request, @PathVariable long id,
			@ModelAttribute(FORM) MemberClaimForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Member member = member(auth, request);
		ClaimView claim = found(member, id);
		ClaimInput input = form.validate(result);
		if (input != null) {
			try {
				subsidies.change(member, id, form.getVersion(), input);
				return "redirect:/subsidy/claims/" + id;
			}
			catch (ClaimRefused ex) {
				reject(result, ex);
			}
			catch (MemberSubsidies.ClaimNotOpen ex) {
				redirect.addFlashAttribute("problem", "subsidy.member.problem.notOpen");
				return "redirect:/subsidy/claims/" + id;
			}
		}
		return form(member, claim.input().personId(), claim.input().dose(), claim, model);
	}

	@GetMapping("/subsidy/claims/{id}")
	String claim(Authentication auth, HttpServletRequest request, @PathVariable long id, Model model) {
		Member member = member(auth, request);
		ClaimView claim = found(member, id);
		model.addAttribute("claim", claim);
		model.addAttribute("checks", ReceiptCheck.values());
		model.addAttribute("maxFileBytes", documentSettings.maxFileBytes(member.tenantId()));
		model.addAttribute("returnTo", "/subsidy/claims/" + id);
		return VIEW_CLAIM;
	}

	@PostMapping("/subsidy/claims/{id}/send")
	String send(Authentication auth, HttpServletRequest request, @PathVariable long id, @RequestParam int version,
			@RequestParam(name = "check", required = false) List<String> checked, RedirectAttributes redirect) {
		Member member = member(auth, request);
		try {
			String receipt = subsidies.send(member, id, version, checks(checked));
			redirect.addFlashAttribute("sent", receipt);
		}
		catch (ClaimRefused ex) {
			redirect.addFlashAttribute("refusal", ex.messageKey());
			redirect.addFlashAttribute("refusalField", ex.field());
			redirect.addFlashAttribute("checked", checks(checked));
		}
		catch (MemberSubsidies.ClaimNotOpen ex) {
			redirect.addFlashAttribute("problem", "subsidy.member.problem.notOpen");
		}
		return "redirect:/subsidy/claims/" + id;
	}

	@PostMapping("/subsidy/claims/{id}/withdraw")
	String withdraw(Authentication auth, HttpServletRequest request, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			subsidies.withdraw(member(auth, request), id, version);
			redirect.addFlashAttribute("withdrawn", true);
		}
		catch (MemberSubsidies.ClaimNotOpen ex) {
			redirect.addFlashAttribute("problem", "subsidy.member.problem.notOpen");
		}
		return "redirect:/subsidy/claims/" + id;
	}

	@PostMapping("/subsidy/claims/{id}/discard")
	String discard(Authentication auth, HttpServletRequest request, @PathVariable long id,
			RedirectAttributes redirect) {
		if (subsidies.discard(member(auth, request), id)) {
			redirect.addFlashAttribute("discarded", true);
		}
		return "redirect:/subsidy";
	}

	@GetMapping("/subsidy/payee")
	String payee(Authentication auth, HttpServletRequest request, @RequestParam(required = false) String back,
			Model model) {
		model.addAttribute("payeeForm", PayeeForm.of(subsidies.payee(member(auth, request)).orElse(null)));
		model.addAttribute("back", claimPath(back));
		return VIEW_PAYEE;
	}

	@PostMapping("/subsidy/payee")
	String savePayee(Authentication auth, HttpServletRequest request, @ModelAttribute("payeeForm") PayeeForm form,
			BindingResult result, @RequestParam(required = false) String back, Model model,
			RedirectAttributes redirect) {
		String claim = claimPath(back);
		try {
			subsidies.savePayee(member(auth, request), form.toPayee());
		}
		catch (MemberSubsidies.PayeeRejected ex) {
			ex.problems().forEach(result::rejectValue);
			model.addAttribute("back", claim);
			return VIEW_PAYEE;
		}
		redirect.addFlashAttribute("payeeSaved", true);
		// Back to the claim that asked for the account, when it did.
		return claim != null ? "redirect:" + claim : "redirect:/subsidy";
	}

	/** A claim page of this site to come back to, or null (never a link elsewhere). */
	private static String claimPath(String back) {
		return back != null && back.matches("/subsidy/claims/[0-9]{1,19}") ? back : null;
	}

	private String form(Member member, long personId, int dose, ClaimView claim, Model model) {
		Overview overview = subsidies.overview(member);
		PersonEntry person = overview.persons()
			.stream()
			.filter(p -> p.personId() == personId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("overview", overview);
		model.addAttribute("person", person);
		model.addAttribute("dose", dose);
		model.addAttribute("claim", claim);
		return VIEW_FORM;
	}

	private ClaimView found(Member member, long id) {
		return subsidies.claim(member, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void reject(BindingResult result, ClaimRefused ex) {
		if (ex.field() != null) {
			result.rejectValue(ex.field(), ex.messageKey());
		}
		else {
			result.reject(ex.messageKey());
		}
	}

	private static Set<ReceiptCheck> checks(List<String> names) {
		Set<ReceiptCheck> out = EnumSet.noneOf(ReceiptCheck.class);
		if (names != null) {
			for (ReceiptCheck c : ReceiptCheck.values()) {
				if (names.contains(c.name())) {
					out.add(c);
				}
			}
		}
		return out;
	}

	/** The logged-in member; anyone else sees nothing (404). */
	private static Member member(Authentication auth, HttpServletRequest request) {
		if (auth != null && auth.getPrincipal() instanceof MemberAccountPrincipal member && member.tenantId() != null) {
			return new Member(member.tenantId(), member.accountId(), member.kigo(), member.bango(),
					request.getRemoteAddr());
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
