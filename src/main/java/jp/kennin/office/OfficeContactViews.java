package jp.kennin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.account.RegistrationStatus;
import jp.kennin.account.RegistrationStatuses;
import jp.kennin.audit.AuditLog;
import jp.kennin.dashboard.CampaignDashboards;
import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.letter.LetterActor;
import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterSelection;
import jp.kennin.letter.Letters;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterOffices;
import jp.kennin.staff.StaffOffices;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignReminders;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.survey.OfficeProgress;
import jp.kennin.survey.OfficeProgress.Progress;
import jp.kennin.survey.ReminderFilter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What an office contact (事業所担当者) sees, and the one place their access is checked: every
 * method takes the {@link StaffActor} and starts with {@link #scope} (role
 * OFFICE_CONTACT, their insurer, their offices read fresh), so the pages can neither
 * widen the tenant nor add an office by editing a URL. Each view is audited with the
 * office codes. They see campaigns that have opened and, per household of their offices,
 * 記号・番号, the insured person's name and the progress; never answers, income, documents or
 * the roster.
 *
 * <p>
 * The reminder send-now and the letters PDF of the campaign page call
 * {@link #scope(StaffActor, String)} and {@link #openedCampaign} first, then the
 * reminders service as the system for the tenant with the office as its filter, or the
 * letters service with an office-scoped {@link LetterActor} (those services' staff checks
 * refuse office contacts on purpose), and record their audit event with the office codes.
 * The dashboard is the dashboard module's, asked for the scope's offices only.
 */
@Service
@Transactional
public class OfficeContactViews {

	private final StaffOffices staffOffices;

	private final Campaigns campaigns;

	private final OfficeProgress progress;

	private final RegistrationStatuses registrations;

	private final RosterOffices rosterOffices;

	private final AuditLog audit;

	private final CampaignReminders reminders;

	private final Letters letters;

	private final CampaignDashboards dashboards;

	OfficeContactViews(StaffOffices staffOffices, Campaigns campaigns, OfficeProgress progress,
			RegistrationStatuses registrations, RosterOffices rosterOffices, AuditLog audit,
			CampaignReminders reminders, Letters letters, CampaignDashboards dashboards) {
		this.dashboards = dashboards;
		this.reminders = reminders;
		this.letters = letters;
		this.staffOffices = staffOffices;
		this.campaigns = campaigns;
		this.progress = progress;
		this.registrations = registrations;
		this.rosterOffices = rosterOffices;
		this.audit = audit;
	}

	/** A campaign that is not there for the actor (another insurer's, or not opened). */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFound extends RuntimeException {

		NotFound() {
			super("no such campaign for this office contact", null, false, false);
		}

	}

	/** The campaign list. */
	public record CampaignList(Map<String, String> offices, List<Campaign> campaigns) {
	}

	/**
	 * One page of a campaign's progress.
	 *
	 * @param offices the actor's offices, code → name (the filter's choices)
	 * @param counts households per office and state (every state of every office of the
	 * actor, 0 when none)
	 * @param totals households per state over the offices shown
	 * @param office the office filter, or null for all the actor's offices
	 * @param filter the state filter, or null for all
	 * @param matching households matching both filters
	 */
	public record ProgressView(Campaign campaign, Map<String, String> offices, Map<String, Map<Progress, Long>> counts,
			Map<Progress, Long> totals, String office, Progress filter, long matching, OfficeProgress.Page page) {
	}

	/**
	 * The campaign dashboard over the actor's offices.
	 *
	 * @param offices the actor's offices, code → name (the filter's choices)
	 * @param office the office filter, or null for all the actor's offices
	 */
	public record DashboardView(Dashboard dashboard, Map<String, String> offices, String office) {
	}

	/**
	 * The actor's insurer and offices, optionally narrowed to one of them.
	 * @param office one of the actor's office codes, or null/blank for all of them
	 * @throws AccessDeniedException (403) unless the actor is an office contact with
	 * offices, or if {@code office} is not theirs
	 */
	@Transactional(readOnly = true)
	public OfficeScope scope(StaffActor actor, String office) {
		long tenantId = actor.requireOfficeContact();
		Set<String> own = staffOffices.of(actor);
		if (own.isEmpty()) {
			throw new AccessDeniedException(actor.loginId() + " has no offices");
		}
		if (office == null || office.isBlank()) {
			return new OfficeScope(tenantId, actor.loginId(), own);
		}
		if (!own.contains(office)) {
			throw new AccessDeniedException(actor.loginId() + " is not a contact of office " + office);
		}
		return new OfficeScope(tenantId, actor.loginId(), Set.of(office));
	}

	/**
	 * A campaign of the scope's insurer that has opened (so it has forms).
	 * @throws NotFound otherwise
	 */
	@Transactional(readOnly = true)
	public Campaign openedCampaign(OfficeScope scope, long campaignId) {
		return campaigns.find(scope.tenantId(), campaignId)
			.filter(c -> c.status() != CampaignStatus.PREPARING)
			.orElseThrow(NotFound::new);
	}

	public CampaignList campaigns(StaffActor actor) {
		OfficeScope scope = scope(actor, null);
		List<Campaign> opened = campaigns.list(scope.tenantId())
			.stream()
			.filter(c -> c.status() != CampaignStatus.PREPARING)
			.toList();
		audit.record(AuditLog.Event.byStaff(OfficeAuditEvent.OFFICE_CAMPAIGNS_VIEWED, scope.tenantId(), actor,
				"tenant:" + scope.tenantId(), Map.of("offices", codes(scope.offices()))));
		return new CampaignList(names(scope), opened);
	}

	/**
	 * @param office one of the actor's offices, or null for all
	 * @param filter a state, or null for all
	 * @param after the page's start, null for the first
	 */
	public ProgressView progress(StaffActor actor, long campaignId, String office, Progress filter,
			OfficeProgress.After after) {
		OfficeScope all = scope(actor, null);
		OfficeScope shown = scope(actor, office);
		Campaign campaign = openedCampaign(all, campaignId);
		var unregistered = registrations.having(RegistrationStatus.State.NOT_REGISTERED);
		Map<String, String> names = names(all);
		Map<String, Map<Progress, Long>> counts = new LinkedHashMap<>();
		for (String code : names.keySet()) {
			counts.put(code, zeros());
		}
		for (OfficeProgress.Count c : progress.counts(all.tenantId(), campaignId, all.offices(), unregistered)) {
			counts.computeIfAbsent(c.officeCode(), k -> zeros()).merge(c.progress(), c.households(), Long::sum);
		}
		Map<Progress, Long> totals = zeros();
		for (String code : shown.offices()) {
			counts.getOrDefault(code, Map.of()).forEach((p, n) -> totals.merge(p, n, Long::sum));
		}
		long matching = filter == null ? totals.values().stream().mapToLong(Long::longValue).sum() : totals.get(filter);
		OfficeProgress.Page page = progress.page(all.tenantId(), campaignId, shown.offices(), filter, unregistered,
				after, OfficeProgress.PAGE_SIZE);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("offices", codes(shown.offices()));
		details.put("progress", filter == null ? "" : filter.name());
		details.put("pageStart", after == null ? "" : after.kigo() + "-" + after.bango());
		audit.record(AuditLog.Event.byStaff(OfficeAuditEvent.OFFICE_PROGRESS_VIEWED, all.tenantId(), actor,
				"campaign:" + campaignId, details));
		return new ProgressView(campaign, names, counts, totals, office == null || office.isBlank() ? null : office,
				filter, matching, page);
	}

	/**
	 * The campaign dashboard (the insurer staff's figures, charts and tables) counted
	 * over the actor's offices only, or one of them; without the estimated cost avoided,
	 * and, like every dashboard, without anyone's name (removals are counts per 事由).
	 * Audited with the office codes counted.
	 * @param office one of the actor's offices, or null/blank for all
	 * @throws AccessDeniedException (403) for another office or role
	 * @throws NotFound for another insurer's campaign or one not opened
	 */
	public DashboardView dashboard(StaffActor actor, long campaignId, String office, OfficeSort sort,
			boolean descending) {
		OfficeScope all = scope(actor, null);
		OfficeScope shown = scope(actor, office);
		openedCampaign(all, campaignId);
		Dashboard dashboard = dashboards.forOffices(actor, campaignId, shown.offices(), sort, descending);
		audit.record(AuditLog.Event.byStaff(OfficeAuditEvent.OFFICE_DASHBOARD_VIEWED, all.tenantId(), actor,
				"campaign:" + campaignId, Map.of("offices", codes(shown.offices()))));
		return new DashboardView(dashboard, names(all), office == null || office.isBlank() ? null : office);
	}

	/**
	 * Who 「督促を送る」 would reach now in one of the actor's offices, or in all of them when
	 * {@code office} is blank, for the confirmation step.
	 */
	@Transactional(readOnly = true)
	public InvitationCounts reminderAudience(StaffActor actor, long campaignId, String office) {
		OfficeScope scope = scope(actor, office);
		openedCampaign(scope, campaignId);
		return reminders.audience(asSystem(scope), campaignId, filter(scope));
	}

	/**
	 * Queues a reminder now to the households of one or all of the actor's offices, as
	 * the system for the insurer (the reminders service lets only TENANT_ADMIN send; the
	 * office filter is what limits it here), audited with the office code.
	 * @param confirmedHouseholds the count the actor saw
	 * @throws jp.kennin.survey.CampaignProblem unless open, or if the count changed
	 */
	public InvitationCounts sendReminders(StaffActor actor, long campaignId, String office, long confirmedHouseholds) {
		OfficeScope scope = scope(actor, office);
		openedCampaign(scope, campaignId);
		InvitationCounts sent = reminders.sendNow(asSystem(scope), campaignId, filter(scope), confirmedHouseholds);
		audit.record(AuditLog.Event.byStaff(OfficeAuditEvent.OFFICE_REMINDERS_SENT, scope.tenantId(), actor,
				"campaign:" + campaignId,
				Map.of("offices", codes(scope.offices()), "households", Long.toString(sent.households()))));
		return sent;
	}

	/**
	 * How many letters {@link #printLetters} would write (0 means the page says so
	 * instead of an empty PDF).
	 */
	@Transactional(readOnly = true)
	public long letterCount(StaffActor actor, long campaignId, String office, LetterKind kind) {
		OfficeScope scope = scope(actor, office);
		openedCampaign(scope, campaignId);
		return letters.count(LetterActor.offices(actor, scope.offices()), campaignId, selection(kind, office));
	}

	/**
	 * One PDF of the letters of the actor's offices (or one of them): every household for
	 * the invitation, the households that have not handed in for a reminder or final
	 * notice. The letter service narrows the batch to the offices again.
	 */
	public long printLetters(StaffActor actor, long campaignId, String office, LetterKind kind, OutputStream out)
			throws IOException {
		OfficeScope scope = scope(actor, office);
		openedCampaign(scope, campaignId);
		long written = letters.print(LetterActor.offices(actor, scope.offices()), campaignId, selection(kind, office),
				out);
		audit.record(AuditLog.Event.byStaff(OfficeAuditEvent.OFFICE_LETTERS_PRINTED, scope.tenantId(), actor,
				"campaign:" + campaignId,
				Map.of("offices", codes(scope.offices()), "kind", kind.name(), "letters", Long.toString(written))));
		return written;
	}

	private static ReminderFilter filter(OfficeScope scope) {
		return new ReminderFilter(scope.offices(), Set.of(), null);
	}

	/**
	 * The reminders service's actor: the system of the insurer, named after the contact.
	 */
	private static CampaignActor asSystem(OfficeScope scope) {
		return CampaignActor.system(scope.tenantId(), "office-contact:" + scope.loginId());
	}

	private static LetterSelection selection(LetterKind kind, String office) {
		LetterSelection.Source source = kind == LetterKind.INVITATION ? LetterSelection.Source.ALL
				: LetterSelection.Source.NON_RESPONDERS;
		return new LetterSelection(kind, source, office, false);
	}

	/** The scope's offices with their roster names (blank if gone from the roster). */
	private Map<String, String> names(OfficeScope scope) {
		Map<String, String> roster = rosterOffices.offices(scope.tenantId());
		Map<String, String> out = new LinkedHashMap<>();
		for (String code : new TreeSet<>(scope.offices())) {
			out.put(code, roster.getOrDefault(code, ""));
		}
		return out;
	}

	private static Map<Progress, Long> zeros() {
		Map<Progress, Long> m = new EnumMap<>(Progress.class);
		for (Progress p : Progress.values()) {
			m.put(p, 0L);
		}
		return m;
	}

	private static String codes(Set<String> offices) {
		return String.join(",", new TreeSet<>(offices));
	}

}
