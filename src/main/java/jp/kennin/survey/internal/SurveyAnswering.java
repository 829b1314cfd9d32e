package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.CampaignVisibility;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyForm;
import jp.kennin.survey.SurveyStatus;
import jp.kennin.survey.SurveySubmitted;
import jp.kennin.survey.SurveyWithdrawn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member answering their household's survey form: every save is scoped to their own
 * household and checked against the campaign's deadline on the server.
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

	private final DocumentRequirements requirements;

	private final DocumentChoiceRepository choices;

	private final FormEventRepository history;

	private final FormCorrections corrections;

	SurveyAnswering(SurveyFormRepository forms, AnswerRepository answers, CampaignRepository campaigns, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, DocumentRequirements requirements,
			DocumentChoiceRepository choices, FormEventRepository history, FormCorrections corrections) {
		this.corrections = corrections;
		this.requirements = requirements;
		this.choices = choices;
		this.history = history;
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
				where f.tenant_id = :tenant and f.kigo = :kigo and f.bango = :bango and %s
				order by c.deadline, f.id""".formatted(CampaignVisibility.VISIBLE.sql()))
			.param("tenant", member.tenantId())
			.param("kigo", member.kigo())
			.param("bango", member.bango())
			.param(CampaignVisibility.NOW, Timestamp.from(clock.instant()))
			.query(SurveyFormRepository::map)
			.list();
	}

	/**
	 * One line of the member's list of forms: told apart by the campaign's title, state
	 * and deadline.
	 */
	public record ListedForm(SurveyForm form, Campaign campaign, boolean editable) {

		/**
		 * Staff closed the campaign (perhaps before its deadline), as opposed to the
		 * deadline having passed.
		 */
		public boolean closed() {
			return campaign.status() != CampaignStatus.OPEN;
		}

	}

	@Transactional(readOnly = true)
	public List<ListedForm> listedForms(HouseholdScopedPrincipal member) {
		return visibleForms(member).stream()
			.flatMap(f -> campaigns.find(member.tenantId(), f.campaignId()).stream().map(c -> {
				boolean editable = c.acceptsMemberChanges(clock) && !f.submitted();
				return new ListedForm(f, c, editable);
			}))
			.toList();
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

	/**
	 * A form of the tenant for staff, whatever its campaign's state; never another
	 * tenant's.
	 */
	@Transactional(readOnly = true)
	public MemberForm loadForStaff(long tenantId, long formId) {
		SurveyForm form = forms.find(tenantId, formId).orElseThrow(FormNotFound::new);
		Campaign campaign = campaigns.find(tenantId, form.campaignId()).orElseThrow(FormNotFound::new);
		return new MemberForm(form, campaign, forms.dependents(tenantId, formId), answers.forForm(tenantId, formId));
	}

	/**
	 * Saves one dependent's answers as changed from those the member's page was rendered
	 * from; the section counts as not completed again until the member says so.
	 * @return the new version (the page's next save is based on it)
	 * @throws SurveyProblem if the form is closed or submitted, or another tab saved
	 * meanwhile
	 */
	public int save(HouseholdScopedPrincipal member, long formId, DependentAnswers updated) {
		MemberForm current = editable(member, formId);
		requireAnswersOpen(current, updated.dependentId());
		return write(member, current, updated);
	}

	/**
	 * What a step save did: the form as loaded (to show the page again) and the saved
	 * answers with their new version, or null when {@code change} refused what was typed
	 * (nothing was written).
	 */
	public record StepSave(MemberForm form, DependentAnswers saved) {

		public boolean valid() {
			return saved != null;
		}

	}

	/**
	 * Loads the form once, applies {@code change} to the dependent's answers at the
	 * version the member's page showed, and saves the result: one read of the form per
	 * save, the new version returned.
	 * @param change the answers as typed on top of the given ones, or null when they do
	 * not validate
	 * @throws SurveyProblem if the form is closed or submitted, or another tab saved
	 * meanwhile
	 */
	public StepSave save(HouseholdScopedPrincipal member, long formId, long dependentId, int version,
			UnaryOperator<DependentAnswers> change) {
		MemberForm current = load(member, formId);
		// A part staff did not return is refused before anything typed is looked at.
		requireAnswersOpen(current, current.dependent(dependentId).id());
		DependentAnswers updated = change
			.apply(current.answers(current.dependent(dependentId).id()).withVersion(version));
		if (updated == null) {
			return new StepSave(current, null);
		}
		requireEditable(current);
		int saved = write(member, current, updated);
		DependentAnswers stored = updated.answeredFully() ? updated : updated.withCompleted(false);
		return new StepSave(current, stored.withVersion(saved));
	}

	private int write(HouseholdScopedPrincipal member, MemberForm current, DependentAnswers updated) {
		long formId = current.form().id();
		current.dependent(updated.dependentId());
		DependentAnswers toSave = updated.answeredFully() ? updated : updated.withCompleted(false);
		int version = answers.save(member.tenantId(), formId, toSave)
			.orElseThrow(() -> new SurveyProblem(SurveyProblem.STALE));
		if (current.form().status() == SurveyStatus.State.NOT_STARTED) {
			forms.markStarted(member.tenantId(), formId);
		}
		return version;
	}

	/**
	 * Saves the household section (the insured person's own expected annual income; null
	 * = not given).
	 */
	public void saveHousehold(HouseholdScopedPrincipal member, long formId, Long insuredIncome) {
		MemberForm current = editable(member, formId);
		if (!corrections.scope(current).householdOpen()) {
			throw new SurveyProblem(SurveyProblem.LOCKED);
		}
		forms.saveHousehold(member.tenantId(), formId, insuredIncome);
	}

	/**
	 * Records what the member chose for required documents they did not upload (by post,
	 * or unable with a reason); changeable until submission. Inputs for documents that
	 * are not required are ignored.
	 * @throws SurveyProblem if the form is closed or submitted
	 */
	public void chooseForMissingDocuments(HouseholdScopedPrincipal member, long formId,
			List<DocumentChoice.Input> inputs) {
		saveChoices(member, editable(member, formId), inputs);
	}

	private void saveChoices(HouseholdScopedPrincipal member, MemberForm current, List<DocumentChoice.Input> inputs) {
		if (inputs.isEmpty()) {
			return;
		}
		long formId = current.form().id();
		var required = requirements.of(current).all();
		CorrectionScope scope = corrections.scope(current);
		for (DocumentChoice.Input input : inputs) {
			current.dependent(input.dependentId());
			if (!scope.documentsOpen(input.dependentId())) {
				continue; // not returned: what was handed in stays
			}
			boolean applies = required.stream()
				.anyMatch(r -> r.dependent().id() == input.dependentId() && r.document().code().equals(input.slot()));
			if (applies) {
				choices.save(member.tenantId(), formId, input);
			}
		}
	}

	/** Submits without new choices for missing documents (see the other overload). */
	public String submit(HouseholdScopedPrincipal member, long formId) {
		return submit(member, formId, List.of());
	}

	/**
	 * Submits once; a repeated submit of a submitted form returns its receipt number
	 * unchanged. The choices sent with it for missing documents are saved first and kept
	 * even when the submission is refused (hence no rollback for SurveyProblem: nothing
	 * else is written before one is thrown). Every required document must be uploaded,
	 * promised by post, or explained; each submission gets its own receipt number,
	 * recorded in the form's history.
	 * @throws SurveyProblem if closed, incomplete, or a required document is unaccounted
	 * for
	 */
	@Transactional(noRollbackFor = SurveyProblem.class)
	public String submit(HouseholdScopedPrincipal member, long formId, List<DocumentChoice.Input> documentChoices) {
		MemberForm current = load(member, formId);
		if (current.form().submitted()) {
			return current.form().receiptNumber();
		}
		if (current.correctionExpired(clock)) {
			throw new SurveyProblem(SurveyProblem.CORRECTION_EXPIRED);
		}
		if (!current.editable(clock)) {
			throw SurveyProblem.closed(current.campaign());
		}
		saveChoices(member, current, documentChoices);
		if (!current.allCompleted()) {
			throw new SurveyProblem(SurveyProblem.INCOMPLETE);
		}
		DocumentRequirements.Requirements documents = requirements.of(current);
		if (!documents.unresolved().isEmpty()) {
			throw new SurveyProblem(SurveyProblem.MISSING_DOCUMENTS);
		}
		int submission = history.submissions(member.tenantId(), formId) + 1;
		String receipt = receiptNumber(current, submission);
		if (!forms.submit(member.tenantId(), formId, receipt)) {
			return forms.find(member.tenantId(), formId).orElseThrow().receiptNumber();
		}
		// Kept so that a 再提出 after a 差し戻し shows staff what changed since this one.
		corrections.snapshot(current, submission);
		choices.keepOnly(member.tenantId(), formId,
				documents.missing()
					.stream()
					.map(r -> DocumentChoiceRepository.key(r.dependent().id(), r.document().code()))
					.toList());
		forms.countMissingDocuments(member.tenantId(), formId);
		history.add(member.tenantId(), formId, FormEvent.Kind.SUBMITTED, receipt, null, null, null, clock.instant());
		events.publishEvent(new SurveySubmitted(member.tenantId(), formId, member.kigo(), member.bango(),
				current.campaign().title(), receipt));
		return receipt;
	}

	/**
	 * Takes a submission back so the member can change it: no longer submitted until sent
	 * again before the deadline. Recorded in the history and mailed to the member.
	 * @throws SurveyProblem if the campaign takes no changes or review has started
	 */
	public void withdraw(HouseholdScopedPrincipal member, long formId) {
		MemberForm current = load(member, formId);
		if (!current.form().submitted()) {
			return; // a resent confirmation: already withdrawn
		}
		if (!current.campaign().acceptsMemberChanges(clock)) {
			throw SurveyProblem.closed(current.campaign());
		}
		String receipt = current.form().receiptNumber();
		if (!forms.withdraw(member.tenantId(), formId)) {
			throw new SurveyProblem(SurveyProblem.REVIEW_STARTED);
		}
		history.add(member.tenantId(), formId, FormEvent.Kind.WITHDRAWN, receipt, null, null, null, clock.instant());
		events.publishEvent(new SurveyWithdrawn(member.tenantId(), formId, member.kigo(), member.bango(),
				current.campaign().title(), receipt, current.campaign().deadline()));
	}

	/**
	 * The form's history, oldest first (for the member's own form or, with its tenant,
	 * for staff).
	 */
	@Transactional(readOnly = true)
	public List<FormEvent> history(MemberForm form) {
		return history.forForm(form.form().tenantId(), form.form().id());
	}

	/**
	 * Documents added since the form's latest submission, while it is submitted: ID →
	 * time.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> addedAfterSubmission(MemberForm form) {
		return form.form().submitted() ? FormEventRepository.addedSinceSubmission(history(form)) : Map.of();
	}

	private MemberForm editable(HouseholdScopedPrincipal member, long formId) {
		return requireEditable(load(member, formId));
	}

	/** What the member may change now (everything unless the form was returned). */
	@Transactional(readOnly = true)
	public CorrectionScope scope(MemberForm form) {
		return corrections.scope(form);
	}

	private void requireAnswersOpen(MemberForm current, long dependentId) {
		if (!current.form().submitted() && !corrections.scope(current).answersOpen(dependentId)) {
			throw new SurveyProblem(SurveyProblem.LOCKED);
		}
	}

	private MemberForm requireEditable(MemberForm current) {
		if (current.form().submitted()) {
			throw new SurveyProblem(SurveyProblem.SUBMITTED);
		}
		if (current.correctionExpired(clock)) {
			throw new SurveyProblem(SurveyProblem.CORRECTION_EXPIRED);
		}
		if (!current.campaign().acceptsMemberChanges(clock)) {
			throw SurveyProblem.closed(current.campaign());
		}
		return current;
	}

	/**
	 * 受付番号: campaign year, campaign and form, e.g. 2026-0012-0000345; a submission after
	 * a withdrawal adds its count (…-2, …-3), so a member's earlier copy or mail is told
	 * apart from the current one.
	 */
	private static String receiptNumber(MemberForm f, int submission) {
		int year = JapanTime.of(f.campaign().opensAt()).getYear();
		String base = "%d-%04d-%07d".formatted(year, f.campaign().id(), f.form().id());
		return submission > 1 ? base + "-" + submission : base;
	}

}
