package jp.kennin.survey.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.RequiredDocument;
import jp.kennin.survey.FormDependent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the forms CSV shows of a campaign: the answers, the insured person's name, and per dependent the
 * pre-check's warnings and the required documents not uploaded (書類不足).
 */
@Component
@Transactional(readOnly = true)
public class SurveyFormExport {

	private final SurveyAnswering answering;

	private final EligibilityCheck eligibility;

	private final Documents documents;

	private final JdbcClient jdbc;

	SurveyFormExport(SurveyAnswering answering, EligibilityCheck eligibility, Documents documents, JdbcClient jdbc) {
		this.answering = answering;
		this.eligibility = eligibility;
		this.documents = documents;
		this.jdbc = jdbc;
	}

	/**
	 * @param precheck null for a dependent being removed (nothing to pre-check)
	 * @param missing the documents the answers require of which nothing was uploaded, in the pre-check's order
	 */
	public record DependentFacts(EligibilityResult precheck, List<RequiredDocument> missing) {
	}

	public record ExportedForm(MemberForm form, String insuredName, Map<Long, DependentFacts> dependents) {

		public DependentFacts facts(long dependentId) {
			return dependents.getOrDefault(dependentId, new DependentFacts(null, List.of()));
		}

	}

	public List<ExportedForm> campaign(long tenantId, long campaignId) {
		Map<Long, String> names = insuredNames(tenantId, campaignId);
		return answering.campaignForStaff(tenantId, campaignId).stream().map(form -> {
			List<StoredDocument> household = documents.listForStaff(tenantId, form.form().kigo(), form.form().bango());
			Map<Long, DependentFacts> facts = new LinkedHashMap<>();
			for (FormDependent d : form.dependents()) {
				EligibilityResult result = eligibility.evaluate(form, d);
				facts.put(d.id(), new DependentFacts(result, missing(d, result, household)));
			}
			return new ExportedForm(form, names.getOrDefault(form.form().id(), ""), facts);
		}).toList();
	}

	/** Required documents (from the answers) with no file of that slot for the dependent. */
	public static List<RequiredDocument> missing(FormDependent dependent, EligibilityResult result,
			List<StoredDocument> household) {
		if (result == null) {
			return List.of();
		}
		return result.documents()
			.stream()
			.filter(doc -> doc != RequiredDocument.OTHER)
			.filter(doc -> household.stream()
				.noneMatch(f -> doc.code().equals(f.slot()) && f.subjectPersonId() != null
						&& f.subjectPersonId() == dependent.rosterPersonId()))
			.toList();
	}

	private Map<Long, String> insuredNames(long tenantId, long campaignId) {
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				select f.id, p.name from survey_form f
				join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
				where f.tenant_id = ? and f.campaign_id = ?""")
			.params(tenantId, campaignId)
			.query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name")))
			.list();
		return names;
	}

}
