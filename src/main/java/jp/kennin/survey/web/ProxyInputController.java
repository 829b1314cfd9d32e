package jp.kennin.survey.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.DocumentSettings;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.YenAmount;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.SurveyStep;
import jp.kennin.survey.internal.DocumentChoice;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.EligibilityCheck;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.survey.internal.ProxyAnswering;
import jp.kennin.survey.internal.SurveyAnswering;
import jp.kennin.survey.internal.SurveyProblem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff proxy input (代行入力): the member's question pages, posted to
 * {@code /admin/proxy/...}, for a paper, phone or counter answer. Binds, calls
 * {@link ProxyAnswering} and redirects; the rules are the service's.
 */
@Controller
@RequestMapping("/admin/proxy/{formId}")
class ProxyInputController {

	static final String VIEW_FORM = "survey/proxyForm";

	static final String VIEW_STEP = "survey/proxyStep";

	static final String VIEW_SECTION = "survey/proxySection";

	static final String VIEW_HOUSEHOLD = "survey/proxyHousehold";

	static final String VIEW_CHECK = "survey/proxyCheck";

	private final ProxyAnswering proxy;

	private final SurveyAnswering answering;

	private final EligibilityCheck eligibility;

	private final DocumentRequirements requirements;

	private final Documents documents;

	private final DocumentSettings documentSettings;

	private final MessageSource messages;

	ProxyInputController(ProxyAnswering proxy, SurveyAnswering answering, EligibilityCheck eligibility,
			DocumentRequirements requirements, Documents documents, DocumentSettings documentSettings,
			MessageSource messages) {
		this.proxy = proxy;
		this.answering = answering;
		this.eligibility = eligibility;
		this.requirements = requirements;
		this.documents = documents;
		this.documentSettings = documentSettings;
		this.messages = messages;
	}

	@InitBinder("answerForm")
	void allowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id", "tenantId", "dependentId", "completed");
	}

	@ModelAttribute("choices")
	Map<String, Object[]> choices() {
		return QuestionChoices.all();
	}

	@GetMapping
	String form(StaffActor actor, @PathVariable long formId, Model model) {
		ProxyAnswering.ProxyForm form = proxy.view(actor, formId);
		addForm(model, form);
		model.addAttribute("channels", ProxyChannel.values());
		model.addAttribute("requirements", requirements.of(form.form(), household(form.form())));
		model.addAttribute("history", answering.history(form.form()));
		return VIEW_FORM;
	}

	@PostMapping("/start")
	String start(StaffActor actor, @PathVariable long formId, @RequestParam(required = false) String channel,
			RedirectAttributes redirect) {
		ProxyChannel chosen = ProxyChannel.parse(channel);
		if (chosen == null) {
			proxy.load(actor, formId); // another insurer's form is not found, whatever
										// was sent
			redirect.addFlashAttribute("channelError", "survey.proxy.error.channel");
			return "redirect:/admin/proxy/" + formId;
		}
		try {
			proxy.start(actor, formId, chosen);
			redirect.addFlashAttribute("flash", "survey.proxy.flash.started");
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/admin/proxy/" + formId;
	}

	@GetMapping("/household")
	String initHouseholdForm(StaffActor actor, @PathVariable long formId, Model model) {
		ProxyAnswering.ProxyForm form = proxy.load(actor, formId);
		if (!form.started() || !proxy.mayEnter(form)) {
			return "redirect:/admin/proxy/" + formId;
		}
		addForm(model, form);
		Long income = form.form().form().insuredIncome();
		model.addAttribute("insuredIncome", income == null ? "" : String.format("%,d", income));
		return VIEW_HOUSEHOLD;
	}

	@PostMapping("/household")
	String processHouseholdForm(StaffActor actor, @PathVariable long formId,
			@RequestParam(defaultValue = "") String insuredIncome, Model model, RedirectAttributes redirect) {
		YenAmount.Parsed parsed = YenAmount.parse(insuredIncome);
		if (!parsed.blank() && !parsed.valid()) {
			addForm(model, proxy.load(actor, formId));
			model.addAttribute("insuredIncome", insuredIncome);
			model.addAttribute("incomeError", "survey.form.error.amountInvalid");
			return VIEW_HOUSEHOLD;
		}
		try {
			proxy.saveHousehold(actor, formId, parsed.yen());
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return "redirect:/admin/proxy/" + formId;
	}

	@GetMapping("/d/{dependentId}/{slug}")
	String initStepForm(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId,
			@PathVariable String slug, Model model) {
		ProxyAnswering.ProxyForm form = proxy.load(actor, formId);
		SurveyStep step = step(slug);
		if (!form.started() || !proxy.mayEnter(form)) {
			return "redirect:/admin/proxy/" + formId;
		}
		DependentAnswers answers = form.form().answers(form.form().dependent(dependentId).id());
		addStep(model, form, dependentId, step);
		model.addAttribute("answerForm", AnswerForm.of(answers));
		return VIEW_STEP;
	}

	@PostMapping("/d/{dependentId}/{slug}")
	String processStepForm(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId,
			@PathVariable String slug, @ModelAttribute AnswerForm answerForm, BindingResult result,
			@RequestParam(name = "return", required = false) String returnTo, Model model,
			RedirectAttributes redirect) {
		SurveyStep step = step(slug);
		SurveyAnswering.StepSave saved;
		try {
			// On top of what the staff page showed: a member saving meanwhile is told,
			// not overwritten.
			saved = proxy.save(actor, formId, dependentId, answerForm.getVersion(), step.slug(),
					base -> StepParser.apply(step, answerForm, base, result));
		}
		catch (SurveyProblem problem) {
			if (!SurveyProblem.STALE.equals(problem.messageKey())) {
				redirect.addFlashAttribute("problem", problem.messageKey());
				return "redirect:/admin/proxy/" + formId;
			}
			ProxyAnswering.ProxyForm latest = proxy.load(actor, formId);
			addStep(model, latest, dependentId, step);
			model.addAttribute("answerForm", AnswerForm.of(latest.form().answers(dependentId)));
			model.addAttribute("problem", problem.messageKey());
			return VIEW_STEP;
		}
		if (!saved.valid()) {
			addStep(model, proxy.load(actor, formId), dependentId, step);
			return VIEW_STEP;
		}
		SurveyStep next = step.next(saved.saved());
		String base = "redirect:/admin/proxy/" + formId + "/d/" + dependentId;
		return next == null || "section".equals(returnTo) ? base : base + "/" + next.slug();
	}

	/**
	 * Background save from the page's script (the member pages' {@code survey.js}) while
	 * staff type, through the same service call as the page's own save: only a step that
	 * validates is saved, on the version the page showed (a member saving meanwhile gets
	 * 409, never overwritten), and the new version is answered for the page's next save.
	 * The CSRF token comes with the form's fields.
	 */
	@PostMapping(path = "/d/{dependentId}/{slug}", headers = "X-Kennin-Autosave")
	ResponseEntity<Void> autosaveStep(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId,
			@PathVariable String slug, @ModelAttribute AnswerForm answerForm, BindingResult result) {
		SurveyStep step = step(slug);
		SurveyAnswering.StepSave saved;
		try {
			saved = proxy.save(actor, formId, dependentId, answerForm.getVersion(), step.slug(),
					base -> StepParser.apply(step, answerForm, base, result));
		}
		catch (SurveyProblem problem) {
			return ResponseEntity.status(HttpStatus.CONFLICT).build();
		}
		if (!saved.valid()) {
			return ResponseEntity.unprocessableEntity().build();
		}
		return ResponseEntity.noContent().header("X-Kennin-Version", String.valueOf(saved.saved().version())).build();
	}

	@GetMapping("/d/{dependentId}")
	String section(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId, Model model,
			Locale locale) {
		ProxyAnswering.ProxyForm form = proxy.view(actor, formId);
		FormDependent dependent = form.form().dependent(dependentId);
		addForm(model, form);
		model.addAttribute("dependent", dependent);
		model.addAttribute("answers", form.form().answers(dependentId));
		model.addAttribute("steps", SurveyStep.applicable(form.form().answers(dependentId)));
		EligibilityResult result = eligibility.evaluate(form.form(), dependent);
		model.addAttribute("result", result);
		List<StoredDocument> household = household(form.form());
		model.addAttribute("docSlots", DocumentSlots.of(dependent, result, household, messages, locale));
		model.addAttribute("files", DocumentSlots.ofDependent(dependent, household));
		model.addAttribute("slotNames", DocumentSlots.names(messages, locale));
		model.addAttribute("maxFileBytes", documentSettings.maxFileBytes(form.form().form().tenantId()));
		return VIEW_SECTION;
	}

	@PostMapping("/d/{dependentId}/complete")
	String completeSection(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(name = "completed", required = false) String completed,
			@RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
		boolean done = "yes".equals(completed);
		String[] refused = new String[1];
		String back = "redirect:/admin/proxy/" + formId + "/d/" + dependentId;
		try {
			SurveyAnswering.StepSave saved = proxy.save(actor, formId, dependentId, version, "complete", answers -> {
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
				return back;
			}
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return back;
		}
		return "redirect:/admin/proxy/" + formId;
	}

	/**
	 * A scanned document for the dependent, with the member's checks; back to the
	 * section.
	 */
	@PostMapping("/d/{dependentId}/documents")
	String upload(StaffActor actor, @PathVariable long formId, @PathVariable long dependentId,
			@RequestParam(required = false) String slot, @RequestParam(required = false) MultipartFile file,
			Locale locale, RedirectAttributes redirect) {
		String back = "redirect:/admin/proxy/" + formId + "/d/" + dependentId;
		String code = slot == null || !slot.matches("[A-Z0-9_]{1,40}") ? DocumentSlots.OTHER : slot;
		try {
			byte[] bytes = file == null
					|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
							? null : file.getBytes();
			StoredDocument stored = proxy.upload(actor, formId, dependentId, code,
					file == null ? null : file.getOriginalFilename(), bytes);
			redirect.addFlashAttribute("uploadNotice",
					messages.getMessage("document.uploaded", new Object[] { stored.originalName() }, locale));
		}
		catch (DocumentRejectedException ex) {
			redirect.addFlashAttribute("uploadError", messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("uploadError",
					messages.getMessage(DocumentProblem.FAILED.messageKey(), null, locale));
		}
		catch (SurveyProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
		}
		return back;
	}

	@GetMapping("/check")
	String check(StaffActor actor, @PathVariable long formId, Model model) {
		addCheck(model, proxy.view(actor, formId));
		return VIEW_CHECK;
	}

	/**
	 * Submits on the member's behalf with the choices for missing documents (kept when
	 * refused); then the staff view of the submitted form.
	 */
	@PostMapping("/submit")
	String submit(StaffActor actor, @PathVariable long formId, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		try {
			String receipt = proxy.submit(actor, formId, DocumentChoiceForm.from(params));
			redirect.addFlashAttribute("proxySubmitted", receipt);
		}
		catch (SurveyProblem problem) {
			if (SurveyProblem.MISSING_DOCUMENTS.equals(problem.messageKey())) {
				addCheck(model, proxy.load(actor, formId));
				model.addAttribute("problem", problem.messageKey());
				model.addAttribute("showDocumentErrors", true);
				return VIEW_CHECK;
			}
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/admin/proxy/" + formId + "/check";
		}
		return "redirect:/admin/proxy/" + formId;
	}

	private void addCheck(Model model, ProxyAnswering.ProxyForm form) {
		addForm(model, form);
		Map<Long, EligibilityResult> results = new LinkedHashMap<>();
		Map<Long, List<StoredDocument>> files = new LinkedHashMap<>();
		List<StoredDocument> household = household(form.form());
		for (FormDependent d : form.form().dependents()) {
			results.put(d.id(), eligibility.evaluate(form.form(), d));
			files.put(d.id(), DocumentSlots.ofDependent(d, household));
		}
		model.addAttribute("results", results);
		model.addAttribute("files", files);
		model.addAttribute("requirements", requirements.of(form.form(), household));
		model.addAttribute("reasonMax", DocumentChoice.MAX_REASON);
	}

	private List<StoredDocument> household(MemberForm form) {
		return documents.listForStaff(form.form().tenantId(), form.form().kigo(), form.form().bango());
	}

	private void addForm(Model model, ProxyAnswering.ProxyForm form) {
		model.addAttribute("proxy", form);
		model.addAttribute("form", form.form());
		model.addAttribute("enterable", proxy.mayEnter(form));
		model.addAttribute("editable", form.started() && proxy.mayEnter(form));
		model.addAttribute("submittedThrough",
				proxy.submittedThrough(form.form().form().tenantId(), form.form().form().id()).orElse(null));
	}

	private void addStep(Model model, ProxyAnswering.ProxyForm form, long dependentId, SurveyStep step) {
		addForm(model, form);
		model.addAttribute("dependent", form.form().dependent(dependentId));
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
