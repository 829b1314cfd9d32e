package jp.kennin.survey.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.StaffIncomeVisibility;
import jp.kennin.survey.SurveyAuditEvent;
import jp.kennin.survey.SurveyStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey forms for the insurer's staff (TENANT_ADMIN and REVIEWER, their own tenant): the
 * list, the read-only form and the CSV export. Every view of a household's answers and
 * every export is recorded in the same transaction that reads it.
 */
@Service
@Transactional(readOnly = true)
public class StaffSurveyForms {

	private final Campaigns campaigns;

	private final SurveyFormQueries queries;

	private final SurveyAnswering answering;

	private final SurveyFormExport export;

	private final AuditLog audit;

	private final ObjectProvider<StaffIncomeVisibility> incomeVisibility;

	StaffSurveyForms(Campaigns campaigns, SurveyFormQueries queries, SurveyAnswering answering, SurveyFormExport export,
			AuditLog audit, ObjectProvider<StaffIncomeVisibility> incomeVisibility) {
		this.incomeVisibility = incomeVisibility;
		this.campaigns = campaigns;
		this.queries = queries;
		this.answering = answering;
		this.export = export;
		this.audit = audit;
	}

	/**
	 * A campaign's forms and their counts; empty when the campaign is not the actor's
	 * insurer's.
	 */
	public record Listing(Campaign campaign, List<SurveyFormQueries.Row> rows, Map<SurveyStatus.State, Integer> counts,
			List<String[]> offices) {
	}

	public Optional<Listing> list(StaffActor actor, long campaignId, SurveyFormQueries.Filter filter, int limit) {
		long tenantId = tenant(actor);
		return campaigns.find(tenantId, campaignId)
			.map(c -> new Listing(c, queries.list(tenantId, campaignId, filter, limit),
					queries.counts(tenantId, campaignId), queries.offices(tenantId, campaignId)));
	}

	/**
	 * What a CSV export holds.
	 *
	 * @param incomeHidden the insurer's blind double entry is on: the member's income
	 * figures and the pre-check's income warnings stay out of the file
	 * @param incomeWarnings the warning codes that would hint at the figure
	 */
	public record Export(Campaign campaign, SurveyFormExport.Forms forms, boolean incomeHidden,
			Set<String> incomeWarnings) {
	}

	/**
	 * A campaign's forms for the CSV, recorded as exported; empty when the campaign is
	 * not the actor's.
	 * @param encoding the CSV's character set, for the record
	 */
	@Transactional
	public Optional<Export> export(StaffActor actor, long campaignId, String encoding) {
		long tenantId = tenant(actor);
		Optional<Campaign> campaign = campaigns.find(tenantId, campaignId);
		if (campaign.isEmpty()) {
			return Optional.empty();
		}
		SurveyFormExport.Forms forms = export.campaign(tenantId, campaignId);
		StaffIncomeVisibility visibility = incomeVisibility.getIfAvailable(() -> StaffIncomeVisibility.NONE);
		boolean hidden = visibility.blindEntryOn(tenantId);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.SURVEY_FORMS_EXPORTED, tenantId, actor,
				"campaign:" + campaignId, Map.of("forms", String.valueOf(forms.size()), "encoding", encoding,
						"incomeHidden", String.valueOf(hidden))));
		return Optional.of(new Export(campaign.get(), forms, hidden, hidden ? visibility.incomeWarnings() : Set.of()));
	}

	/**
	 * One household's form, recorded as viewed. @throws FormNotFound for another tenant's
	 * form
	 */
	@Transactional
	public MemberForm view(StaffActor actor, long formId) {
		long tenantId = tenant(actor);
		MemberForm form = answering.loadForStaff(tenantId, formId);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.SURVEY_FORM_VIEWED, tenantId, actor,
				"survey_form:" + formId, Map.of("kigo", form.form().kigo(), "bango", form.form().bango())));
		return form;
	}

	private static long tenant(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		return actor.requireTenant();
	}

}
