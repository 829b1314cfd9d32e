package jp.kennin.survey.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.Downloads;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.StaffIncomeVisibility;
import jp.kennin.survey.SurveyStatus;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.EligibilityCheck;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.survey.internal.SurveyAnswering;
import jp.kennin.survey.internal.StaffSurveyForms;
import jp.kennin.survey.internal.SurveyFormQueries;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Survey forms for insurer staff (TENANT_ADMIN and REVIEWER): list with filters,
 * read-only detail and CSV export. Every view of a household's answers and every export
 * is audited.
 */
@Controller
class StaffSurveyFormController {

	static final String VIEW_LIST = "survey/staffForms";

	static final String VIEW_DETAIL = "survey/staffForm";

	static final int LIST_LIMIT = 1000;

	private final StaffSurveyForms forms;

	private final SurveyAnswering answering;

	private final EligibilityCheck eligibility;

	private final MessageSource messages;

	private final Documents documents;

	private final DocumentRequirements requirements;

	private final jp.kennin.survey.internal.ProxyAnswering proxyInput;

	private final ObjectProvider<StaffIncomeVisibility> incomeVisibility;

	StaffSurveyFormController(StaffSurveyForms forms, SurveyAnswering answering, EligibilityCheck eligibility,
			MessageSource messages, Documents documents, DocumentRequirements requirements,
			jp.kennin.survey.internal.ProxyAnswering proxyInput,
			ObjectProvider<StaffIncomeVisibility> incomeVisibility) {
		this.incomeVisibility = incomeVisibility;
		this.proxyInput = proxyInput;
		this.forms = forms;
		this.answering = answering;
		this.eligibility = eligibility;
		this.messages = messages;
		this.documents = documents;
		this.requirements = requirements;
	}

	@GetMapping("/admin/campaigns/{id}/forms")
	String list(StaffActor actor, @PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String office, @RequestParam(required = false) String documents,
			Model model) {
		SurveyStatus.State state = parseStatus(status);
		SurveyFormQueries.DocumentFilter documentFilter = parseDocuments(documents);
		StaffSurveyForms.Listing listing = forms
			.list(actor, id, new SurveyFormQueries.Filter(state, office, documentFilter), LIST_LIMIT + 1)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var rows = listing.rows();
		model.addAttribute("campaign", listing.campaign());
		model.addAttribute("rows", rows.size() > LIST_LIMIT ? rows.subList(0, LIST_LIMIT) : rows);
		model.addAttribute("truncated", rows.size() > LIST_LIMIT);
		model.addAttribute("counts", listing.counts());
		model.addAttribute("offices", listing.offices());
		model.addAttribute("states", SurveyStatus.State.values());
		model.addAttribute("selectedStatus", state == null ? "" : state.name());
		model.addAttribute("selectedOffice", office == null ? "" : office);
		model.addAttribute("documentFilters", SurveyFormQueries.DocumentFilter.values());
		model.addAttribute("selectedDocuments", documentFilter == null ? "" : documentFilter.name());
		return VIEW_LIST;
	}

	@GetMapping("/admin/campaigns/{id}/forms.csv")
	void export(StaffActor actor, @PathVariable long id, @RequestParam(defaultValue = "sjis") String encoding,
			HttpServletResponse response) throws IOException {
		boolean utf8 = "utf8".equals(encoding);
		StaffSurveyForms.Export exported = forms.export(actor, id, utf8 ? "UTF-8" : "Windows-31J")
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		response.setContentType("text/csv; charset=" + (utf8 ? "UTF-8" : "Windows-31J"));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(Downloads.safeFileName(exported.campaign().title() + "_調査票.csv"), StandardCharsets.UTF_8)
					.build()
					.toString());
		SurveyFormCsv.write(exported.forms(), proxyInput.submissionChannels(actor, id), exported.incomeHidden(),
				exported.incomeWarnings(), utf8, messages, response.getOutputStream());
	}

	@GetMapping("/admin/survey-forms/{formId}")
	String show(StaffActor actor, @PathVariable long formId, Model model, Locale locale) {
		MemberForm form = forms.view(actor, formId);
		Map<Long, Object> results = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			results.put(d.id(), eligibility.evaluate(form, d));
		}
		model.addAttribute("form", form);
		model.addAttribute("results", results);
		var household = documents.listForStaff(form.form().tenantId(), form.form().kigo(), form.form().bango());
		Map<Long, List<StoredDocument>> files = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			files.put(d.id(), DocumentSlots.ofDependent(d, household));
		}
		model.addAttribute("files", files);
		model.addAttribute("requirements", requirements.of(form, household));
		model.addAttribute("history", answering.history(form));
		model.addAttribute("addedAfterSubmission", answering.addedAfterSubmission(form));
		model.addAttribute("slotNames", DocumentSlots.names(messages, locale));
		model.addAttribute("proxySubmissions", proxyInput.proxySubmissions(actor, formId));
		// Blind double entry: the member's income stays hidden here as on the review
		// screen until a reviewer has entered the certificate's figure.
		StaffIncomeVisibility visibility = incomeVisibility.getIfAvailable(() -> StaffIncomeVisibility.NONE);
		model.addAttribute("hiddenIncome", visibility.hiddenIncome(form.form().tenantId(), formId));
		model.addAttribute("incomeWarnings", visibility.incomeWarnings());
		return VIEW_DETAIL;
	}

	private static SurveyStatus.State parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return SurveyStatus.State.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static SurveyFormQueries.DocumentFilter parseDocuments(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return SurveyFormQueries.DocumentFilter.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
