package jp.kennin.helpdesk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kennin.account.MemberAccounts;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.account.RegistrationStatuses;
import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.helpdesk.HelpDeskAuditEvent;
import jp.kennin.notification.MailBounces;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterDirectory;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.HouseholdSurveys;
import jp.kennin.survey.SurveyStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster as the help desk reads it: the search with each person's registration status
 * and their household's survey status, and the person detail (audited) with the account
 * and every survey form of the household, which is what a caller asks about first.
 */
@Service
@Transactional(readOnly = true)
public class HelpDeskRoster {

	private final RosterDirectory directory;

	private final Roster roster;

	private final MemberAccounts accounts;

	private final RegistrationStatuses statuses;

	private final Campaigns campaigns;

	private final HouseholdSurveys surveys;

	private final AuditLog audit;

	private final MailBounces bounces;

	HelpDeskRoster(RosterDirectory directory, Roster roster, MemberAccounts accounts, RegistrationStatuses statuses,
			Campaigns campaigns, HouseholdSurveys surveys, AuditLog audit, MailBounces bounces) {
		this.bounces = bounces;
		this.directory = directory;
		this.roster = roster;
		this.accounts = accounts;
		this.statuses = statuses;
		this.campaigns = campaigns;
		this.surveys = surveys;
		this.audit = audit;
	}

	/**
	 * @param state the registration state to keep, null for all
	 * @param campaignId the campaign whose survey status to show, null for the
	 * {@link #current current} one
	 * @param cursor null for the first page
	 */
	public record SearchQuery(RosterDirectory.Criteria criteria, RegistrationStatus.State state, Long campaignId,
			RosterDirectory.Cursor cursor) {
	}

	/**
	 * @param campaigns the campaigns with survey forms, newest first, to choose from
	 * @param campaign the one whose status {@code survey} holds (by roster person ID;
	 * none: not surveyed), null when the tenant has none
	 * @param bouncing by roster person ID: the insured people whose mail address (the
	 * account's, else the roster's) an SMTP server refused (「メール不達」)
	 */
	public record SearchResult(RosterDirectory.Page page, Map<Long, RegistrationStatus.State> registration,
			List<Campaign> campaigns, Campaign campaign, Map<Long, SurveyStatus.State> survey,
			Map<Long, MailBounces.Bounce> bouncing) {
	}

	/** For the insurer's staff (TENANT_ADMIN, REVIEWER) in their own tenant. */
	public SearchResult search(StaffActor actor, SearchQuery query) {
		long tenantId = tenant(actor);
		RosterDirectory.Criteria c = query.criteria();
		// 無効 means inactive on the roster, so that filter must not be cut down to active
		// people.
		RosterDirectory.Criteria criteria = query.state() == RegistrationStatus.State.INACTIVE
				? new RosterDirectory.Criteria(c.kigo(), c.bango(), c.name(), c.office(), "all") : c;
		RosterDirectory.Page page = directory.search(tenantId, criteria, query.cursor(),
				query.state() == null ? null : statuses.having(query.state()));
		Set<Long> ids = page.people().stream().map(RosterPerson::id).collect(Collectors.toSet());
		List<Campaign> surveyed = campaigns.list(tenantId)
			.stream()
			.filter(campaign -> campaign.status() != CampaignStatus.PREPARING)
			.toList();
		Campaign campaign = surveyed.stream()
			.filter(x -> query.campaignId() != null && x.id() == query.campaignId())
			.findFirst()
			.or(() -> current(surveyed))
			.orElse(null);
		Map<Long, SurveyStatus.State> survey = Map.of();
		if (campaign != null) {
			Map<HouseholdSurveys.Household, RosterPerson> byHousehold = page.people()
				.stream()
				.collect(Collectors.toMap(p -> new HouseholdSurveys.Household(p.kigo(), p.bango()),
						Function.identity()));
			survey = surveys.states(tenantId, campaign.id(), byHousehold.keySet())
				.entrySet()
				.stream()
				.collect(Collectors.toMap(e -> byHousehold.get(e.getKey()).id(), Map.Entry::getValue));
		}
		return new SearchResult(page, statuses.states(tenantId, ids), surveyed, campaign, survey,
				bouncing(tenantId, statuses.mailAddresses(tenantId, ids)));
	}

	/**
	 * The campaign a caller most likely means: the newest open one, else the newest
	 * closed or completed one.
	 * @param surveyed newest first
	 */
	static Optional<Campaign> current(List<Campaign> surveyed) {
		return surveyed.stream()
			.filter(c -> c.status() == CampaignStatus.OPEN)
			.findFirst()
			.or(() -> surveyed.stream().findFirst());
	}

	/**
	 * @param account the member account, null for a dependent (they have none)
	 * @param forms the household's survey forms, newest campaign first
	 * @param events the latest audit events about the person, this view included
	 * @param bouncing the person's addresses (roster's, account's) an SMTP server
	 * refused, keyed by the address as shown
	 */
	public record PersonDetail(RosterPerson person, List<RosterPerson> household, RegistrationStatus account,
			List<HouseholdSurveys.HouseholdForm> forms, List<AuditEntry> events,
			Map<String, MailBounces.Bounce> bouncing) {
	}

	/**
	 * The person detail; the view is written to the audit log in the same transaction.
	 * Empty: not found.
	 */
	@Transactional
	public Optional<PersonDetail> person(StaffActor actor, long id) {
		tenant(actor);
		Optional<RosterPerson> found = roster.findById(actor.tenantId(), id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RosterPerson person = found.get();
		String target = "roster_person:" + person.id();
		audit.record(AuditLog.Event.byStaff(HelpDeskAuditEvent.ROSTER_PERSON_VIEWED, actor.tenantId(), actor, target,
				Map.of("kigo", person.kigo(), "bango", person.bango())));
		RegistrationStatus account = person.insured() ? accounts.status(actor.tenantId(), person.id()) : null;
		List<String> addresses = new ArrayList<>();
		addresses.add(person.email());
		if (account != null) {
			addresses.add(account.email());
		}
		return Optional.of(new PersonDetail(person, roster.household(actor.tenantId(), person.kigo(), person.bango()),
				account, surveys.forms(actor.tenantId(), person.kigo(), person.bango()),
				audit.search(new AuditLog.Query(actor.tenantId(), null, null, null, target, 20)),
				bounces.bouncing(actor.tenantId(), addresses.stream().filter(Objects::nonNull).toList())));
	}

	private Map<Long, MailBounces.Bounce> bouncing(long tenantId, Map<Long, String> addresses) {
		Map<String, MailBounces.Bounce> byAddress = bounces.bouncing(tenantId, addresses.values());
		Map<Long, MailBounces.Bounce> out = new HashMap<>();
		addresses.forEach((id, address) -> {
			MailBounces.Bounce bounce = byAddress.get(address);
			if (bounce != null) {
				out.put(id, bounce);
			}
		});
		return out;
	}

	private static long tenant(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		return actor.requireTenant();
	}

}
