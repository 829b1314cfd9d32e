package jp.kennin.survey.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.audit.AuditLog;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyStatus;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.EligibilityCheck;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.survey.internal.SurveyAnswering;
import jp.kennin.survey.internal.SurveyFormExport;
import jp.kennin.survey.internal.SurveyFormQueries;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Survey forms for insurer staff (TENANT_ADMIN and REVIEWER): list with filters, read-only detail and
 * CSV export. Every view of a household's answers and every export is audited.
 */
@Controller
class StaffSurveyFormController {

	static final String VIEW_LIST = "survey/staffForms";

	static final String VIEW_DETAIL = "survey/staffForm";

	static final int LIST_LIMIT = 1000;

	private final Campaigns campaigns;

	private final SurveyFormQueries queries;

	private final SurveyAnswering answering;

	private final EligibilityCheck eligibility;

	private final AuditLog audit;

	private final MessageSource messages;

	private final jp.kennin.document.Documents documents;

	private final DocumentRequirements requirements;

	private final SurveyFormExport export;

	StaffSurveyFormController(Campaigns campaigns, SurveyFormQueries queries, SurveyAnswering answering,
			EligibilityCheck eligibility, AuditLog audit, MessageSource messages, jp.kennin.document.Documents documents,
			DocumentRequirements requirements, SurveyFormExport export) {
		this.requirements = requirements;
		this.documents = documents;
		this.export = export;
		this.campaigns = campaigns;
		this.queries = queries;
		this.answering = answering;
		this.eligibility = eligibility;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/admin/campaigns/{id}/forms")
	String list(Authentication auth, @PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String office, @RequestParam(required = false) String documents,
			Model model) {
		StaffTenant staff = StaffTenant.of(auth);
		Campaign campaign = campaign(staff, id);
		SurveyStatus.State state = parseStatus(status);
		SurveyFormQueries.DocumentFilter documentFilter = parseDocuments(documents);
		var rows = queries.list(staff.tenantId(), id, new SurveyFormQueries.Filter(state, office, documentFilter),
				LIST_LIMIT + 1);
		model.addAttribute("campaign", campaign);
		model.addAttribute("rows", rows.size() > LIST_LIMIT ? rows.subList(0, LIST_LIMIT) : rows);
		model.addAttribute("truncated", rows.size() > LIST_LIMIT);
		model.addAttribute("counts", queries.counts(staff.tenantId(), id));
		model.addAttribute("offices", queries.offices(staff.tenantId(), id));
		model.addAttribute("states", SurveyStatus.State.values());
		model.addAttribute("selectedStatus", state == null ? "" : state.name());
		model.addAttribute("selectedOffice", office == null ? "" : office);
		model.addAttribute("documentFilters", SurveyFormQueries.DocumentFilter.values());
		model.addAttribute("selectedDocuments", documentFilter == null ? "" : documentFilter.name());
		return VIEW_LIST;
	}

	@GetMapping("/admin/campaigns/{id}/forms.csv")
	void export(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "sjis") String encoding,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		StaffTenant staff = StaffTenant.of(auth);
		Campaign campaign = campaign(staff, id);
		boolean utf8 = "utf8".equals(encoding);
		var forms = export.campaign(staff.tenantId(), id);
		audit.record(new AuditLog.Event("SURVEY_FORMS_EXPORTED", staff.tenantId(), "STAFF", auth.getName(),
				role(auth), "campaign:" + id, request.getRemoteAddr(),
				Map.of("forms", String.valueOf(forms.size()), "encoding", utf8 ? "UTF-8" : "Windows-31J")));
		response.setContentType("text/csv; charset=" + (utf8 ? "UTF-8" : "Windows-31J"));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(jp.kennin.platform.Downloads.safeFileName(campaign.title() + "_調査票.csv"),
					StandardCharsets.UTF_8)
			.build()
			.toString());
		SurveyFormCsv.write(forms, utf8, messages, response.getOutputStream());
	}

	@GetMapping("/admin/survey-forms/{formId}")
	String show(Authentication auth, @PathVariable long formId, HttpServletRequest request, Model model,
			Locale locale) {
		StaffTenant staff = StaffTenant.of(auth);
		MemberForm form = answering.loadForStaff(staff.tenantId(), formId);
		audit.record(new AuditLog.Event("SURVEY_FORM_VIEWED", staff.tenantId(), "STAFF", auth.getName(), role(auth),
				"survey_form:" + formId, request.getRemoteAddr(),
				Map.of("kigo", form.form().kigo(), "bango", form.form().bango())));
		Map<Long, Object> results = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			results.put(d.id(), eligibility.evaluate(form, d));
		}
		model.addAttribute("form", form);
		model.addAttribute("results", results);
		var household = documents.listForStaff(staff.tenantId(), form.form().kigo(), form.form().bango());
		Map<Long, List<jp.kennin.document.StoredDocument>> files = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			files.put(d.id(), DocumentSlots.ofDependent(d, household));
		}
		model.addAttribute("files", files);
		model.addAttribute("requirements", requirements.of(form, household));
		model.addAttribute("history", answering.history(form));
		model.addAttribute("addedAfterSubmission", answering.addedAfterSubmission(form));
		model.addAttribute("slotNames", DocumentSlots.names(messages, locale));
		return VIEW_DETAIL;
	}

	private Campaign campaign(StaffTenant staff, long id) {
		return campaigns.find(staff.tenantId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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

	private static String role(Authentication auth) {
		return auth.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a.startsWith("ROLE_") && !a.equals("ROLE_STAFF"))
			.map(a -> a.substring(5))
			.findFirst()
			.orElse(null);
	}

}
