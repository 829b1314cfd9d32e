package jp.kennin.survey.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.StaffActor;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.SurveyAuditEvent;
import jp.kennin.survey.SurveyStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff proxy input (代行入力): an insurer's staff member (TENANT_ADMIN or REVIEWER, own
 * tenant) enters a paper, phone or counter answer into the household's form and submits
 * it on the member's behalf. The member's own use cases do the work (same questions,
 * validation, deadline, optimistic version and submission rules), acting for the form's
 * household; this service adds the staff checks, the channel and a typed audit event in
 * the same transaction. Only a form that is 未作成 or 作成中 can be entered; a member's draft
 * is continued, never replaced.
 */
@Service
@Transactional
public class ProxyAnswering {

	private final SurveyAnswering answering;

	private final ProxyInputRepository proxies;

	private final Documents documents;

	private final AuditLog audit;

	private final Clock clock;

	ProxyAnswering(SurveyAnswering answering, ProxyInputRepository proxies, Documents documents, AuditLog audit,
			Clock clock) {
		this.answering = answering;
		this.proxies = proxies;
		this.documents = documents;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A form as staff enter it: the channel is null until they start.
	 *
	 * @param draft the member had already begun answering (staff continue their draft)
	 */
	public record ProxyForm(MemberForm form, ProxyChannel channel, boolean draft) {

		public boolean started() {
			return channel != null;
		}

	}

	/**
	 * The form as staff see it before and while entering it, recorded as viewed.
	 * @throws FormNotFound for another tenant's form
	 */
	public ProxyForm view(StaffActor actor, long formId) {
		ProxyForm form = load(actor, formId);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.SURVEY_FORM_VIEWED, tenant(actor), actor, target(formId),
				Map.of("kigo", form.form().form().kigo(), "bango", form.form().form().bango())));
		return form;
	}

	/** The form as staff enter it, not recorded (the page of a step being entered). */
	@Transactional(readOnly = true)
	public ProxyForm load(StaffActor actor, long formId) {
		long tenantId = tenant(actor);
		MemberForm form = answering.loadForStaff(tenantId, formId);
		return new ProxyForm(form, proxies.channel(tenantId, formId).orElse(null), draft(form));
	}

	/**
	 * Whether staff may enter the form now: not handed in, and the campaign takes changes
	 * (the same rule as for the member).
	 */
	public boolean mayEnter(ProxyForm form) {
		return PROXY_STATES.contains(form.form().form().status()) && form.form().editable(clock);
	}

	/**
	 * Starts (or continues) entering the household's form through the channel.
	 * @throws SurveyProblem when the form is submitted, under review or the campaign
	 * takes no changes
	 */
	public ProxyForm start(StaffActor actor, long formId, ProxyChannel channel) {
		if (channel == null) {
			throw new IllegalArgumentException("channel required");
		}
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		proxies.start(tenantId, formId, channel, actor.loginId());
		boolean draft = draft(form);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.PROXY_STARTED, tenantId, actor, target(formId),
				Map.of("kigo", form.form().kigo(), "bango", form.form().bango(), "channel", channel.name(), "draft",
						String.valueOf(draft))));
		return new ProxyForm(form, channel, draft);
	}

	/**
	 * Saves one dependent's answers for the member, on top of the version the staff page
	 * showed (a member saving meanwhile is told, not overwritten).
	 * @param step what was saved, for the audit record (a question's slug or complete)
	 * @throws SurveyProblem if the form takes no changes, another save came first, or
	 * proxy input was not started
	 */
	public SurveyAnswering.StepSave save(StaffActor actor, long formId, long dependentId, int version, String step,
			UnaryOperator<DependentAnswers> change) {
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		ProxyChannel channel = requireStarted(tenantId, formId);
		SurveyAnswering.StepSave saved = answering.save(household(form), formId, dependentId, version, change);
		if (saved.valid()) {
			audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.PROXY_ANSWER_SAVED, tenantId, actor, target(formId),
					Map.of("channel", channel.name(), "dependent", String.valueOf(dependentId), "step", step)));
		}
		return saved;
	}

	/**
	 * Saves the household section (the insured person's own income; null = not given).
	 */
	public void saveHousehold(StaffActor actor, long formId, Long insuredIncome) {
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		ProxyChannel channel = requireStarted(tenantId, formId);
		answering.saveHousehold(household(form), formId, insuredIncome);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.PROXY_ANSWER_SAVED, tenantId, actor, target(formId),
				Map.of("channel", channel.name(), "dependent", "household", "step", "household")));
	}

	/**
	 * Stores a scanned document for a dependent of the form on the member's behalf, with
	 * the member's type, size and content checks.
	 * @throws SurveyProblem if the form takes no changes or proxy input was not started
	 * @throws jp.kennin.document.DocumentRejectedException when the file is refused
	 */
	public StoredDocument upload(StaffActor actor, long formId, long dependentId, String slot, String originalName,
			byte[] content) {
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		ProxyChannel channel = requireStarted(tenantId, formId);
		long subject = form.dependent(dependentId).rosterPersonId();
		StoredDocument stored = documents.storeForStaff(actor,
				new DocumentOwner(tenantId, form.form().kigo(), form.form().bango()), subject, slot, originalName,
				content);
		audit.record(AuditLog.Event.byStaff(SurveyAuditEvent.PROXY_DOCUMENT_UPLOADED, tenantId, actor, target(formId),
				Map.of("channel", channel.name(), "document", String.valueOf(stored.id()), "slot", slot)));
		return stored;
	}

	/**
	 * Records the choices for required documents not uploaded (by post, or unable with a
	 * reason), as the member would.
	 */
	public void chooseForMissingDocuments(StaffActor actor, long formId, List<DocumentChoice.Input> inputs) {
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		requireStarted(tenantId, formId);
		answering.chooseForMissingDocuments(household(form), formId, inputs);
	}

	/**
	 * Submits on the member's behalf with the member's rules (every section completed,
	 * every required document uploaded, promised by post or explained); the submission is
	 * recorded as the staff member's through the channel, in the history and the audit.
	 * The member gets the receipt mail when they have an account.
	 * @return the receipt number (受付番号)
	 * @throws SurveyProblem if submitted already, closed, incomplete or a document is
	 * unaccounted for
	 */
	@Transactional(noRollbackFor = SurveyProblem.class)
	public String submit(StaffActor actor, long formId, List<DocumentChoice.Input> documentChoices) {
		long tenantId = tenant(actor);
		MemberForm form = editable(tenantId, formId);
		ProxyChannel channel = requireStarted(tenantId, formId);
		String receipt = answering.submit(household(form), formId, documentChoices);
		proxies.markLatestSubmission(tenantId, formId, channel, actor.loginId());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("channel", channel.name());
		details.put("receiptNumber", receipt);
		audit
			.record(AuditLog.Event.byStaff(SurveyAuditEvent.PROXY_SUBMITTED, tenantId, actor, target(formId), details));
		return receipt;
	}

	/**
	 * The channel of the form's latest submission when staff entered it; empty when the
	 * member sent it on the web (or it was never sent). For staff and member pages alike.
	 */
	@Transactional(readOnly = true)
	public Optional<ProxyChannel> submittedThrough(long tenantId, long formId) {
		return proxies.latestSubmissionChannel(tenantId, formId);
	}

	/**
	 * For a campaign's CSV export: the forms whose latest submission staff entered, with
	 * the channel (the export itself is audited by the export).
	 */
	@Transactional(readOnly = true)
	public Map<Long, ProxyChannel> submissionChannels(StaffActor actor, long campaignId) {
		return proxies.latestSubmissionChannels(tenant(actor), campaignId);
	}

	/**
	 * The form's submissions that staff entered (history event ID → channel), to mark
	 * them in the history.
	 * @throws FormNotFound for another tenant's form
	 */
	@Transactional(readOnly = true)
	public Map<Long, ProxyChannel> proxySubmissions(StaffActor actor, long formId) {
		long tenantId = tenant(actor);
		answering.loadForStaff(tenantId, formId);
		return proxies.proxySubmissions(tenantId, formId);
	}

	/**
	 * For the member's own pages: the channel through which staff entered the form now
	 * handed in; empty when the member sent it themselves (or it is not handed in).
	 */
	@Transactional(readOnly = true)
	public Optional<ProxyChannel> enteredByStaff(HouseholdScopedPrincipal member, long formId) {
		return proxies.handedInThrough(member.tenantId(), member.kigo(), member.bango(), formId);
	}

	private MemberForm editable(long tenantId, long formId) {
		MemberForm form = answering.loadForStaff(tenantId, formId);
		if (!PROXY_STATES.contains(form.form().status())) {
			// handed in, or returned for the member's own correction
			throw new SurveyProblem(form.form().submitted() ? SurveyProblem.SUBMITTED : NOT_ENTERABLE);
		}
		if (!form.campaign().acceptsMemberChanges(clock)) {
			throw SurveyProblem.closed(form.campaign());
		}
		return form;
	}

	private ProxyChannel requireStarted(long tenantId, long formId) {
		return proxies.channel(tenantId, formId).orElseThrow(() -> new SurveyProblem(NOT_STARTED));
	}

	/** A returned form (差し戻し) is corrected by the member, not entered by staff. */
	public static final String NOT_ENTERABLE = "survey.proxy.problem.notEnterable";

	private static final Set<SurveyStatus.State> PROXY_STATES = EnumSet.of(SurveyStatus.State.NOT_STARTED,
			SurveyStatus.State.IN_PROGRESS);

	/** Proxy input must be started (with its channel) before anything is saved. */
	public static final String NOT_STARTED = "survey.proxy.problem.notStarted";

	private static boolean draft(MemberForm form) {
		return form.form().status() != SurveyStatus.State.NOT_STARTED;
	}

	private static HouseholdScopedPrincipal household(MemberForm form) {
		return new Household(form.form().tenantId(), form.form().kigo(), form.form().bango());
	}

	private static String target(long formId) {
		return "survey_form:" + formId;
	}

	private static long tenant(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		return actor.requireTenant();
	}

	/** The form's household, as the member's use cases are scoped. */
	private record Household(Long tenantId, String kigo, String bango) implements HouseholdScopedPrincipal {
	}

}
