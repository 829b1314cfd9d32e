package jp.kennin.survey.internal;

import java.time.Clock;
import java.util.List;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyForm;
import jp.kennin.survey.SurveySubmitted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member answering their household's survey form: every save is scoped to their own household and
 * checked against the campaign's deadline on the server.
 */
@Service
@Transactional
public class SurveyAnswering {

	private final SurveyFormRepository forms;

	private final AnswerRepository answers;

	private final CampaignRepository campaigns;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyAnswering(SurveyFormRepository forms, AnswerRepository answers, CampaignRepository campaigns, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.forms = forms;
		this.answers = answers;
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The household's forms in campaigns members can see now, deadline first. */
	@Transactional(readOnly = true)
	public List<SurveyForm> visibleForms(HouseholdScopedPrincipal member) {
		return jdbc.sql("""
				select f.* from survey_form f join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
				where f.tenant_id = ? and f.kigo = ? and f.bango = ? and c.status in (?, ?) and c.opens_at <= ?
				order by c.deadline, f.id""")
			.params(member.tenantId(), member.kigo(), member.bango(), CampaignStatus.OPEN.name(),
					CampaignStatus.CLOSED.name(), java.sql.Timestamp.from(clock.instant()))
			.query(SurveyFormRepository::map)
			.list();
	}

	@Transactional(readOnly = true)
	public MemberForm load(HouseholdScopedPrincipal member, long formId) {
		SurveyForm form = forms.findForHousehold(member.tenantId(), member.kigo(), member.bango(), formId)
			.orElseThrow(FormNotFound::new);
		Campaign campaign = campaigns.find(member.tenantId(), form.campaignId())
			.filter(c -> c.visibleToMembers(clock))
			.orElseThrow(FormNotFound::new);
		return new MemberForm(form, campaign, forms.dependents(member.tenantId(), formId),
				answers.forForm(member.tenantId(), formId));
	}

	/** A form of the tenant for staff, whatever its campaign's state; never another tenant's. */
	@Transactional(readOnly = true)
	public MemberForm loadForStaff(long tenantId, long formId) {
		SurveyForm form = forms.find(tenantId, formId).orElseThrow(FormNotFound::new);
		Campaign campaign = campaigns.find(tenantId, form.campaignId()).orElseThrow(FormNotFound::new);
		return new MemberForm(form, campaign, forms.dependents(tenantId, formId), answers.forForm(tenantId, formId));
	}

	/** Every form of a campaign with its dependents and answers, in three queries (for exports). */
	@Transactional(readOnly = true)
	public List<MemberForm> campaignForStaff(long tenantId, long campaignId) {
		Campaign campaign = campaigns.find(tenantId, campaignId).orElseThrow(FormNotFound::new);
		var dependents = forms.dependentsOfCampaign(tenantId, campaignId);
		var allAnswers = answers.forCampaign(tenantId, campaignId);
		return forms.ofCampaign(tenantId, campaignId)
			.stream()
			.map(f -> new MemberForm(f, campaign, dependents.getOrDefault(f.id(), List.of()), allAnswers))
			.toList();
	}

	/**
	 * Saves one step's answers; the section counts as not completed again until the member says so.
	 * @throws SurveyProblem if the form is closed or submitted, or another tab saved meanwhile
	 */
	public void save(HouseholdScopedPrincipal member, long formId, DependentAnswers updated) {
		MemberForm current = editable(member, formId);
		current.dependent(updated.dependentId());
		DependentAnswers toSave = updated.answeredFully() ? updated : updated.withCompleted(false);
		if (!answers.save(member.tenantId(), formId, toSave)) {
			throw new SurveyProblem(SurveyProblem.STALE);
		}
		forms.markStarted(member.tenantId(), formId);
	}

	/** Saves the household section (the insured person's own expected annual income; null = not given). */
	public void saveHousehold(HouseholdScopedPrincipal member, long formId, Long insuredIncome) {
		editable(member, formId);
		forms.saveHousehold(member.tenantId(), formId, insuredIncome);
	}

	/** Submits once; a repeated submit of a submitted form returns its receipt number unchanged. */
	public String submit(HouseholdScopedPrincipal member, long formId) {
		MemberForm current = load(member, formId);
		if (current.form().submitted()) {
			return current.form().receiptNumber();
		}
		if (!current.editable(clock)) {
			throw new SurveyProblem(SurveyProblem.CLOSED);
		}
		if (!current.allCompleted()) {
			throw new SurveyProblem(SurveyProblem.INCOMPLETE);
		}
		String receipt = receiptNumber(current);
		if (forms.submit(member.tenantId(), formId, receipt)) {
			SurveyForm submitted = forms.find(member.tenantId(), formId).orElseThrow();
			events.publishEvent(new SurveySubmitted(member.tenantId(), formId, member.kigo(), member.bango(),
					current.campaign().title(), submitted.receiptNumber()));
			return submitted.receiptNumber();
		}
		return forms.find(member.tenantId(), formId).orElseThrow().receiptNumber();
	}

	public void withdraw(HouseholdScopedPrincipal member, long formId) {
		MemberForm current = load(member, formId);
		if (!current.form().submitted()) {
			return;
		}
		if (!current.campaign().acceptsMemberChanges(clock)) {
			throw new SurveyProblem(SurveyProblem.CLOSED);
		}
		if (!forms.withdraw(member.tenantId(), formId)) {
			throw new SurveyProblem(SurveyProblem.REVIEW_STARTED);
		}
	}

	private MemberForm editable(HouseholdScopedPrincipal member, long formId) {
		MemberForm current = load(member, formId);
		if (current.form().submitted()) {
			throw new SurveyProblem(SurveyProblem.SUBMITTED);
		}
		if (!current.campaign().acceptsMemberChanges(clock)) {
			throw new SurveyProblem(SurveyProblem.CLOSED);
		}
		return current;
	}

	/** 受付番号: campaign year, campaign and form, e.g. 2026-0012-0000345; stable across resubmissions. */
	private static String receiptNumber(MemberForm f) {
		int year = JapanTime.of(f.campaign().opensAt()).getYear();
		return "%d-%04d-%07d".formatted(year, f.campaign().id(), f.form().id());
	}

}
