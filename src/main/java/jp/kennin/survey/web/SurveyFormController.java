package jp.kennin.survey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.DocumentSettings;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyStep;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.EligibilityCheck;
import jp.kennin.survey.internal.FormEvent;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.survey.internal.SurveyAnswering;
import jp.kennin.survey.internal.SurveyProblem;

import java.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's survey form: a task list with one section per dependent, one page per
 * question, a check page and submission. Every page works without JavaScript; every POST
 * saves at once.
 */
@Controller
@RequestMapping("/survey")
class SurveyFormController {

	static final String VIEW_FORMS = "survey/member/forms";

	static final String VIEW_TASKS = "survey/member/tasks";

	static final String VIEW_STEP = "survey/member/step";

	static final String VIEW_SECTION = "survey/member/section";

	static final String VIEW_CHECK = "survey/member/check";

	static final String VIEW_RECEIPT = "survey/member/receipt";

	static final String VIEW_HOUSEHOLD = "survey/member/household";

	static final String VIEW_WITHDRAW = "survey/member/withdraw";

	private final SurveyAnswering answering;

	private final EligibilityCheck eligibility;

	private final Clock clock;

	private final jp.kennin.tenant.Tenants tenants;

	private final Documents documents;

	private final DocumentSettings documentSettings;

	private final org.springframework.context.MessageSource messages;

	private final DocumentRequirements requirements;

	private final jp.kennin.roster.Roster roster;

	/**
	 * The review's outcome for a 確認完了 form (removal notices), when that module is there.
	 */
	private final org.springframework.beans.factory.ObjectProvider<jp.kennin.survey.FormOutcomes> outcomes;

	SurveyFormController(SurveyAnswering answering, EligibilityCheck eligibility, Clock clock,
			jp.kennin.tenant.Tenants tenants, org.springframework.context.MessageSource messages, Documents documents,
			DocumentSettings documentSettings, DocumentRequirements requirements, jp.kennin.roster.Roster roster,
			org.springframework.beans.factory.ObjectProvider<jp.kennin.survey.FormOutcomes> outcomes) {
		this.outcomes = outcomes;
		this.requirements = requirements;
		this.roster = roster;
		this.documents = documents;
		this.documentSettings = documentSettings;
		this.answering = answering;
		this.eligibility = eligibility;
		this.clock = clock;
		this.tenants = tenants;
		this.messages = messages;
	}

	@InitBinder("answerForm")
	void allowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId", "dependentId", "completed");
	}

	/** Choices for the question pages (templates may not reach static classes). */
	@ModelAttribute("choices")
	Map<String, Object[]> choices() {
		return QuestionChoices.all();
	}

	@GetMapping
	String forms(Authentication auth, Model model) {
		List<SurveyAnswering.ListedForm> forms = answering.listedForms(MemberHousehold.of(auth));
		if (forms.size() == 1) {
			return "redirect:/survey/" + forms.get(0).form().id();
		}
		model.addAttribute("forms", forms);
		return VIEW_FORMS;
	}

	@GetMapping("/{formId}")
	String tasks(Authentication auth, @PathVariable long formId, Model model, Locale locale) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		addForm(model, form);
		if (form.form().status() == jp.kennin.survey.SurveyStatus.State.COMPLETED) {
			jp.kennin.survey.FormOutcomes outcome = outcomes.getIfAvailable();
			model.addAttribute("removals",
					outcome == null ? List.of() : outcome.removals(MemberHousehold.of(auth), formId, locale));
		}
		model.addAttribute("requirements", requirements.of(form));
		addHistory(model, form);
		return VIEW_TASKS;
	}

	@GetMapping("/{formId}/household")
	String initHouseholdForm(Authentication auth, @PathVariable long formId, Model model, RedirectAttributes redirect) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		if (!form.editable(clock)) {
			return "redirect:/survey/" + formId;
		}
		if (!answering.scope(form).householdOpen()) {
			redirect.addFlashAttribute("problem", SurveyProblem.LOCKED);
			return "redirect:/survey/" + formId;
		}
		addForm(model, form);
		model.addAttribute("insuredIncome",
				form.form().insuredIncome() == null ? "" : String.format("%,d", form.form().insuredIncome()));
		return VIEW_HOUSEHOLD;
	}

	@PostMapping("/{formId}/household")
	String processHouseholdForm(Authentication auth, @PathVariable long formId,
			@RequestParam(defaultValue = "") String insuredIncome, Model model, RedirectAttributes redirect) {
		HouseholdScopedPrincipal member = MemberHousehold.of(auth);
		MemberForm form = answering.load(member, formId);
		jp.kennin.eligibility.YenAmount.Parsed parsed = jp.kennin.eligibility.YenAmount.parse(insuredIncome);
		if (!parsed.blank() && !parsed.valid()) {
			addForm(model, form);
			model.addAttribute("insuredIncome", insuredIncome);
			model.addAttribute("incomeError", "survey.form.error.amountInvalid");
			return VIEW_HOUSEHOLD;
		}
		try {
			answering.saveHousehold(member, formId, parsed.yen());
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/survey/" + formId;
	}

	@GetMapping("/{formId}/d/{dependentId}/{slug}")
	String initStepForm(Authentication auth, @PathVariable long formId, @PathVariable long dependentId,
			@PathVariable String slug, Model model, RedirectAttributes redirect) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		SurveyStep step = step(slug);
		if (!form.editable(clock)) {
			return "redirect:/survey/" + formId + "/d/" + dependentId;
		}
		if (!answering.scope(form).answersOpen(form.dependent(dependentId).id())) {
			// 差し戻し: only the returned parts open; this one stays as handed in.
			redirect.addFlashAttribute("problem", SurveyProblem.LOCKED);
			return "redirect:/survey/" + formId;
		}
		DependentAnswers answers = form.answers(form.dependent(dependentId).id());
		addStep(model, form, dependentId, step);
		model.addAttribute("answerForm", AnswerForm.of(answers));
		return VIEW_STEP;
	}

	@PostMapping("/{formId}/d/{dependentId}/{slug}")
	String processStepForm(Authentication auth, @PathVariable long formId, @PathVariable long dependentId,
			@PathVariable String slug, @ModelAttribute AnswerForm answerForm, BindingResult result,
			@RequestParam(name = "return", required = false) String returnTo, Model model,
			RedirectAttributes redirect) {
		HouseholdScopedPrincipal member = MemberHousehold.of(auth);
		SurveyStep step = step(slug);
		SurveyAnswering.StepSave saved;
		try {
			// Built on what the member's page was based on, so a stale page is detected
			// rather than merged.
			saved = answering.save(member, formId, dependentId, answerForm.getVersion(),
					base -> StepParser.apply(step, answerForm, base, result));
		}
		catch (SurveyProblem problem) {
			if (!SurveyProblem.STALE.equals(problem.messageKey())) {
				redirect.addFlashAttribute("problem", problem.messageKey());
				return "redirect:/survey/" + formId;
			}
			MemberForm latest = answering.load(member, formId);
			addStep(model, latest, dependentId, step);
			model.addAttribute("answerForm", AnswerForm.of(latest.answers(dependentId)));
			model.addAttribute("problem", problem.messageKey());
			return VIEW_STEP;
		}
		if (!saved.valid()) {
			addStep(model, saved.form(), dependentId, step);
			return VIEW_STEP;
		}
		DependentAnswers updated = saved.saved();
		SurveyStep next = step.next(updated);
		if (next == null || "section".equals(returnTo)) {
			return "redirect:/survey/" + formId + "/d/" + dependentId;
		}
		return "redirect:/survey/" + formId + "/d/" + dependentId + "/" + next.slug();
	}

	/**
	 * Background save from the page's script while the member types. Saves only a step
	 * that validates; answers the new version so the page's next save is not taken for a
	 * stale one.
	 */
	@PostMapping(path = "/{formId}/d/{dependentId}/{slug}", headers = "X-Kennin-Autosave")
	org.springframework.http.ResponseEntity<Void> autosaveStep(Authentication auth, @PathVariable long formId,
			@PathVariable long dependentId, @PathVariable String slug, @ModelAttribute AnswerForm answerForm,
			BindingResult result) {
		SurveyStep step = step(slug);
		SurveyAnswering.StepSave saved;
		try {
			saved = answering.save(MemberHousehold.of(auth), formId, dependentId, answerForm.getVersion(),
					base -> StepParser.apply(step, answerForm, base, result));
		}
		catch (SurveyProblem problem) {
			return org.springframework.http.ResponseEntity.status(HttpStatus.CONFLICT).build();
		}
		if (!saved.valid()) {
			return org.springframework.http.ResponseEntity.unprocessableEntity().build();
		}
		return org.springframework.http.ResponseEntity.noContent()
			.header("X-Kennin-Version", String.valueOf(saved.saved().version()))
			.build();
	}

	@GetMapping("/{formId}/d/{dependentId}")
	String section(Authentication auth, @PathVariable long formId, @PathVariable long dependentId, Model model,
			Locale locale) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		FormDependent dependent = form.dependent(dependentId);
		addForm(model, form);
		model.addAttribute("editable", form.editable(clock) && answering.scope(form).answersOpen(dependentId));
		model.addAttribute("dependent", dependent);
		model.addAttribute("answers", form.answers(dependentId));
		model.addAttribute("steps", SurveyStep.applicable(form.answers(dependentId)));
		EligibilityResult result = eligibility.evaluate(form, dependent);
		model.addAttribute("result", result);
		HouseholdScopedPrincipal member = MemberHousehold.of(auth);
		DocumentOwner owner = new DocumentOwner(member.tenantId(), member.kigo(), member.bango());
		List<StoredDocument> household = documents.list(owner);
		var slots = DocumentSlots.of(dependent, result, household, messages, locale);
		model.addAttribute("docSlots", slots);
		model.addAttribute("unplacedFiles", DocumentSlots.unplaced(dependent, slots, household));
		boolean uploadsAllowed = documents.mayUpload(owner, dependent.rosterPersonId(), null);
		model.addAttribute("uploadsAllowed", uploadsAllowed);
		// No control offers what the server refuses: no delete buttons once the files are
		// submitted.
		model.addAttribute("deletable",
				DocumentSlots.ofDependent(dependent, household)
					.stream()
					.allMatch(doc -> documents.mayDelete(owner, doc)));
		model.addAttribute("addingAfterSubmission", uploadsAllowed && form.form().submitted());
		model.addAttribute("documentMarks", marks(answering.addedAfterSubmission(form), locale));
		model.addAttribute("maxFileBytes", documentSettings.maxFileBytes(member.tenantId()));
		model.addAttribute("returnTo", "/survey/" + formId + "/d/" + dependentId);
		return VIEW_SECTION;
	}

	@PostMapping("/{formId}/d/{dependentId}/complete")
	String completeSection(Authentication auth, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(name = "completed", required = false) String completed, @RequestParam int version,
			RedirectAttributes redirect) {
		boolean done = "yes".equals(completed);
		String[] refused = new String[1];
		try {
			SurveyAnswering.StepSave saved = answering.save(MemberHousehold.of(auth), formId, dependentId, version,
					answers -> {
						if (!done && !"no".equals(completed)) {
							refused[0] = "survey.form.error.completeRequired";
						}
						else if (done && !answers.answeredFully()) {
							refused[0] = "survey.form.error.sectionIncomplete";
						}
						return refused[0] == null ? answers.withCompleted(done) : null;
					});
			if (!saved.valid()) {
				redirect.addFlashAttribute("completeError", refused[0]);
				return "redirect:/survey/" + formId + "/d/" + dependentId;
			}
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/survey/" + formId + "/d/" + dependentId;
		}
		return "redirect:/survey/" + formId;
	}

	@GetMapping("/{formId}/check")
	String check(Authentication auth, @PathVariable long formId, Model model) {
		addCheck(model, MemberHousehold.of(auth), formId);
		return VIEW_CHECK;
	}

	/**
	 * Submits with the choices for missing documents, which are kept when the submission
	 * is refused; a refusal for missing documents shows the check page again with each
	 * one named next to its choice.
	 */
	@PostMapping("/{formId}/submit")
	String submit(Authentication auth, @PathVariable long formId,
			@RequestParam org.springframework.util.MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		HouseholdScopedPrincipal member = MemberHousehold.of(auth);
		try {
			answering.submit(member, formId, DocumentChoiceForm.from(params));
		}
		catch (SurveyProblem problem) {
			if (SurveyProblem.MISSING_DOCUMENTS.equals(problem.messageKey())) {
				addCheck(model, member, formId);
				model.addAttribute("problem", problem.messageKey());
				model.addAttribute("showDocumentErrors", true);
				return VIEW_CHECK;
			}
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/survey/" + formId + "/check";
		}
		return "redirect:/survey/" + formId + "/receipt";
	}

	private void addCheck(Model model, HouseholdScopedPrincipal member, long formId) {
		MemberForm form = answering.load(member, formId);
		addForm(model, form);
		Map<Long, EligibilityResult> results = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			results.put(d.id(), eligibility.evaluate(form, d));
		}
		model.addAttribute("results", results);
		List<StoredDocument> household = documents
			.list(new DocumentOwner(member.tenantId(), member.kigo(), member.bango()));
		Map<Long, List<StoredDocument>> files = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			files.put(d.id(), DocumentSlots.ofDependent(d, household));
		}
		model.addAttribute("files", files);
		model.addAttribute("requirements", requirements.of(form, household));
		model.addAttribute("reasonMax", jp.kennin.survey.internal.DocumentChoice.MAX_REASON);
	}

	/** 「選択を保存する」: keeps the choices for missing documents without submitting. */
	@PostMapping("/{formId}/document-choices")
	String saveDocumentChoices(Authentication auth, @PathVariable long formId,
			@RequestParam org.springframework.util.MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			answering.chooseForMissingDocuments(MemberHousehold.of(auth), formId, DocumentChoiceForm.from(params));
			redirect.addFlashAttribute("flash", "survey.check.choicesSaved");
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/survey/" + formId + "/check";
	}

	@GetMapping("/{formId}/receipt")
	String receipt(Authentication auth, @PathVariable long formId, Model model) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		if (!form.form().submitted()) {
			return "redirect:/survey/" + formId;
		}
		addForm(model, form);
		model.addAttribute("requirements", requirements.of(form));
		addHistory(model, form);
		return VIEW_RECEIPT;
	}

	/** The member's PDF copy (控え) of a submitted form. */
	@GetMapping("/{formId}/receipt.pdf")
	org.springframework.http.ResponseEntity<byte[]> receiptPdf(Authentication auth, @PathVariable long formId,
			Locale locale, Model model) throws IOException {
		HouseholdScopedPrincipal member = MemberHousehold.of(auth);
		MemberForm form = answering.load(member, formId);
		if (!form.form().submitted()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		jp.kennin.tenant.Tenant tenant = tenants.findById(member.tenantId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String insuredName = roster.findById(member.tenantId(), form.form().insuredPersonId())
			.map(jp.kennin.roster.RosterPerson::name)
			.orElse("");
		var files = documents.list(new DocumentOwner(member.tenantId(), member.kigo(), member.bango()));
		byte[] pdf = ReceiptPdf.render(form, tenant, insuredName, requirements.of(form, files), files,
				marks(answering.addedAfterSubmission(form), locale),
				// 代行入力: the channel ProxyNoteAdvice put in the model, as on the receipt
				// page
				(jp.kennin.survey.ProxyChannel) model.getAttribute("proxyChannel"), messages, locale);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename("調査票控え_" + form.form().receiptNumber() + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	/**
	 * What withdrawing means, on a page of its own: one tap must not undo a submission.
	 */
	@GetMapping("/{formId}/withdraw")
	String confirmWithdrawal(Authentication auth, @PathVariable long formId, Model model) {
		MemberForm form = answering.load(MemberHousehold.of(auth), formId);
		if (!form.withdrawable(clock)) {
			return "redirect:/survey/" + formId;
		}
		addForm(model, form);
		return VIEW_WITHDRAW;
	}

	@PostMapping("/{formId}/withdraw")
	String withdraw(Authentication auth, @PathVariable long formId, RedirectAttributes redirect) {
		try {
			answering.withdraw(MemberHousehold.of(auth), formId);
			redirect.addFlashAttribute("flash", "survey.form.flash.withdrawn");
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/survey/" + formId;
	}

	private void addHistory(Model model, MemberForm form) {
		model.addAttribute("history", answering.history(form).stream().filter(FormEvent::receiptEvent).toList());
	}

	/** 「提出後に追加（9月1日 10:30）」 for each document added since submission. */
	private Map<Long, String> marks(Map<Long, Instant> added, Locale locale) {
		Map<Long, String> marks = new LinkedHashMap<>();
		added.forEach((id, at) -> marks.put(id, messages.getMessage("survey.documents.addedAfter",
				new Object[] { DateStyle.DATE_TIME.format(at, locale) }, locale)));
		return marks;
	}

	private void addForm(Model model, MemberForm form) {
		model.addAttribute("form", form);
		model.addAttribute("editable", form.editable(clock));
		jp.kennin.survey.internal.CorrectionScope correction = answering.scope(form);
		model.addAttribute("correction", correction);
		model.addAttribute("correctionPartial", correction.partial() && form.editable(clock));
		model.addAttribute("correctionExpired", form.correctionExpired(clock));
		model.addAttribute("withdrawable", form.withdrawable(clock));
		model.addAttribute("deadline", JapanTime.of(form.campaign().deadline()));
		model.addAttribute("daysLeft", ChronoUnit.DAYS.between(JapanTime.today(clock),
				JapanTime.of(form.campaign().deadline()).toLocalDate()));
	}

	private void addStep(Model model, MemberForm form, long dependentId, SurveyStep step) {
		addForm(model, form);
		model.addAttribute("dependent", form.dependent(dependentId));
		model.addAttribute("step", step);
		model.addAttribute("stepNumber", step.ordinal() + 1);
		model.addAttribute("stepCount", SurveyStep.values().length);
	}

	private static SurveyStep step(String slug) {
		SurveyStep step = SurveyStep.fromSlug(slug);
		if (step == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return step;
	}

}
