package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.audit.AuditLog;
import jp.kennin.notification.MailDeliveryStates;
import jp.kennin.notification.Mailer;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.CampaignReminders;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.survey.ReminderFilter;
import jp.kennin.survey.ReminderFilter.HouseholdState;
import jp.kennin.survey.ReminderSlots;
import jp.kennin.survey.SurveyStatus.State;
import jp.kennin.survey.TargetHouseholds;
import jp.kennin.tenant.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder runs. A run first writes its {@code reminder_run} row (for a scheduled
 * slot the unique key (tenant, campaign, slot) makes a second node or a restarted one
 * fail there and send nothing), then reads its recipients in the same transaction, so a
 * household that submitted a moment before is not reminded, and queues mails, letter
 * places and journal rows in batches like the invitations.
 */
@Service
class CampaignReminderRuns implements CampaignReminders {

	/** A slot missed while every node was down is still sent this long after. */
	static final Duration CATCH_UP = Duration.ofHours(6);

	private static final Logger log = LoggerFactory.getLogger(CampaignReminderRuns.class);

	/** The actor of scheduled runs in the audit log. */
	static final String SCHEDULER = "campaign-reminders";

	private static final Set<State> AWAITED = EnumSet.of(State.NOT_STARTED, State.IN_PROGRESS, State.RETURNED);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Tenants tenants;

	private final AccountMails mails;

	private final Mailer mailer;

	private final MailDeliveryStates deliveries;

	private final AuditLog audit;

	private final Campaigns campaigns;

	private final ReminderSlots slots;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CampaignReminderRuns(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Tenants tenants, AccountMails mails,
			Mailer mailer, MailDeliveryStates deliveries, AuditLog audit, Campaigns campaigns, ReminderSlots slots,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tenants = tenants;
		this.mails = mails;
		this.mailer = mailer;
		this.deliveries = deliveries;
		this.audit = audit;
		this.campaigns = campaigns;
		this.slots = slots;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public InvitationCounts audience(CampaignActor actor, long campaignId, ReminderFilter filter) {
		requireOpen(actor, campaignId);
		return count(actor.tenantId(), campaignId, filter);
	}

	@Override
	@Transactional
	public InvitationCounts sendNow(CampaignActor actor, long campaignId, ReminderFilter filter,
			long confirmedHouseholds) {
		Campaign campaign = requireOpen(actor, campaignId);
		if (count(actor.tenantId(), campaignId, filter).households() != confirmedHouseholds) {
			throw new CampaignProblem("survey.reminder.problem.countChanged");
		}
		long runId = insertRun(campaign, null, "STAFF", actor.id());
		InvitationCounts counts = queue(campaign, runId, filter);
		Map<String, String> details = new LinkedHashMap<>(details(counts));
		details.put("office", filter.officeList());
		details.put("states", filter.states().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
		details.put("registered", filter.registered() == null ? "" : filter.registered().toString());
		details.put("reminderRun", String.valueOf(runId));
		audit.record(new AuditLog.Event(AccountAuditEvent.CAMPAIGN_REMINDERS_SENT_NOW.name(), actor.tenantId(),
				actor.kind(), actor.id(), actor.role(), "campaign:" + campaignId, actor.ip(), details));
		return counts;
	}

	@Override
	public int runDueSlots(Instant now) {
		int runs = 0;
		for (ReminderSlots.DueSlot due : slots.due(now, CATCH_UP)) {
			if (alreadyRan(due)) {
				continue;
			}
			try {
				Boolean ran = transactions.execute(tx -> runSlot(due));
				if (Boolean.TRUE.equals(ran)) {
					runs++;
				}
			}
			catch (DuplicateKeyException otherNode) {
				log.debug("Reminder slot {} of campaign {} ran elsewhere", due.slot(), due.campaignId());
			}
			catch (ConcurrencyFailureException | CampaignProblem ex) {
				// Another node's run of the slot held the key until it committed (a lock
				// timeout), or the campaign closed meanwhile: the next check sees the
				// row.
				log.info("Reminder slot {} of campaign {} not run: {}", due.slot(), due.campaignId(), ex.toString());
			}
			catch (RuntimeException ex) {
				// One campaign's failure does not stop the others' slots; it is retried
				// at
				// the next check while the slot is in the catch-up window.
				log.error("Reminder slot {} of campaign {} failed", due.slot(), due.campaignId(), ex);
			}
		}
		return runs;
	}

	private boolean alreadyRan(ReminderSlots.DueSlot due) {
		return jdbc.sql("select count(*) from reminder_run where tenant_id = ? and campaign_id = ? and slot_at = ?")
			.params(due.tenantId(), due.campaignId(), Timestamp.from(due.slot()))
			.query(Long.class)
			.single() > 0;
	}

	private boolean runSlot(ReminderSlots.DueSlot due) {
		Campaign campaign = campaigns.find(due.tenantId(), due.campaignId()).orElseThrow();
		if (campaign.status() != CampaignStatus.OPEN) {
			throw new CampaignProblem("survey.reminder.problem.notOpen");
		}
		// First, so a second node stops here (the unique key) before reading anyone.
		long runId = insertRun(campaign, due.slot(), "SCHEDULE", SCHEDULER);
		InvitationCounts counts = queue(campaign, runId, ReminderFilter.ALL);
		Map<String, String> details = new LinkedHashMap<>(details(counts));
		details.put("reminderSlot", JapanTime.formatDateTime(due.slot()));
		details.put("reminderRun", String.valueOf(runId));
		audit.record(new AuditLog.Event(AccountAuditEvent.CAMPAIGN_REMINDERS_QUEUED.name(), due.tenantId(),
				AccountAudit.SYSTEM, SCHEDULER, null, "campaign:" + due.campaignId(), null, details));
		log.info("Campaign {} of tenant {}: reminder slot {} queued {} member mails, {} sign-up guides, {} letters",
				due.campaignId(), due.tenantId(), due.slot(), counts.memberMails(), counts.signupGuides(),
				counts.letters());
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OutreachRun> runs(long tenantId, long campaignId) {
		List<OutreachRun> out = new ArrayList<>(jdbc
			.sql("select * from reminder_run where tenant_id = ? and campaign_id = ? order by created_at desc, id desc")
			.params(tenantId, campaignId)
			.query((rs, n) -> {
				long id = rs.getLong("id");
				Timestamp slot = rs.getTimestamp("slot_at");
				MailDeliveryStates.Counts c = deliveries.counts(
						"select j.outbox_id from outreach_journal j where j.run_id = :run and j.outbox_id is not null",
						Map.of("run", id));
				return new OutreachRun(id, rs.getString("trigger_kind"), slot == null ? null : slot.toInstant(),
						rs.getTimestamp("created_at").toInstant(), rs.getString("actor_id"), rs.getLong("member_mails"),
						rs.getLong("signup_guides"), rs.getLong("letters"), c.queued(), c.sent(), c.failed());
			})
			.list());
		jdbc.sql("""
				select min(created_at) as at,
				  coalesce(sum(case when channel = 'MAIL' and kind = 'INVITATION' then 1 else 0 end), 0) as members,
				  coalesce(sum(case when kind = 'SIGNUP_GUIDE' then 1 else 0 end), 0) as guides,
				  coalesce(sum(case when channel = 'LETTER' then 1 else 0 end), 0) as letters
				from outreach_journal where tenant_id = ? and campaign_id = ? and run_id = 0""")
			.params(tenantId, campaignId)
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp("at");
				if (at == null) {
					return null;
				}
				MailDeliveryStates.Counts c = deliveries.counts(
						"select j.outbox_id from outreach_journal j where j.tenant_id = :tenant and j.campaign_id = :campaign"
								+ " and j.run_id = 0 and j.outbox_id is not null",
						Map.of("tenant", tenantId, "campaign", campaignId));
				return new OutreachRun(0, "OPENING", null, at.toInstant(), null, rs.getLong("members"),
						rs.getLong("guides"), rs.getLong("letters"), c.queued(), c.sent(), c.failed());
			})
			.optional()
			.ifPresent(out::add);
		return out;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OutreachEntry> journal(long tenantId, String kigo, String bango) {
		record Row(Instant at, long campaignId, String channel, String kind, String trigger, Long outboxId) {
		}
		List<Row> rows = jdbc.sql("""
				select j.created_at, j.campaign_id, j.channel, j.kind, j.outbox_id, r.trigger_kind
				from outreach_journal j left join reminder_run r on r.id = j.run_id and r.tenant_id = j.tenant_id
				where j.tenant_id = ? and j.kigo = ? and j.bango = ?
				order by j.created_at desc, j.id desc""")
			.params(tenantId, kigo, bango)
			.query((rs, n) -> new Row(rs.getTimestamp("created_at").toInstant(), rs.getLong("campaign_id"),
					rs.getString("channel"), rs.getString("kind"),
					rs.getString("trigger_kind") == null ? "OPENING" : rs.getString("trigger_kind"),
					rs.getObject("outbox_id", Long.class)))
			.list();
		Map<Long, MailDeliveryStates.Delivery> states = deliveries
			.states(rows.stream().map(Row::outboxId).filter(id -> id != null).collect(Collectors.toSet()));
		Map<Long, String> titles = new HashMap<>();
		return rows.stream().map(r -> {
			String title = titles.computeIfAbsent(r.campaignId(),
					id -> campaigns.find(tenantId, id).map(Campaign::title).orElse(""));
			MailDeliveryStates.Delivery d = r.outboxId() == null ? null : states.get(r.outboxId());
			String state = r.outboxId() == null ? "LETTER" : d == null ? "QUEUED" : d.state().name();
			return new OutreachEntry(r.at(), r.campaignId(), title, r.channel(), r.kind(), r.trigger(), state,
					d == null ? null : d.sentAt());
		}).toList();
	}

	private Campaign requireOpen(CampaignActor actor, long campaignId) {
		campaigns.requireManager(actor);
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId)
			.orElseThrow(() -> new CampaignProblem("survey.reminder.problem.notOpen"));
		if (campaign.status() != CampaignStatus.OPEN) {
			throw new CampaignProblem("survey.reminder.problem.notOpen");
		}
		return campaign;
	}

	private long insertRun(Campaign campaign, Instant slot, String trigger, String actorId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into reminder_run (tenant_id, campaign_id, slot_at, trigger_kind, actor_id, created_at)
				values (:tenant, :campaign, :slot, :trigger, :actor, :now)""")
			.param("tenant", campaign.tenantId())
			.param("campaign", campaign.id())
			.param("slot", slot == null ? null : Timestamp.from(slot), Types.TIMESTAMP)
			.param("trigger", trigger)
			.param("actor", actorId)
			.param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static Map<String, String> details(InvitationCounts counts) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("memberMails", String.valueOf(counts.memberMails()));
		details.put("signupGuides", String.valueOf(counts.signupGuides()));
		details.put("letters", String.valueOf(counts.letters()));
		return details;
	}

	/**
	 * The households a filter selects, as SQL on roster_person h and member_account a.
	 */
	private record Selection(String where, Map<String, Object> params) {

		static Selection of(long tenantId, long campaignId, ReminderFilter f) {
			Set<String> office = f.officeCodes();
			TargetHouseholds awaited = TargetHouseholds.formsIn(tenantId, campaignId, office, AWAITED);
			Map<String, Object> params = new HashMap<>(awaited.params());
			params.put("inv_tenant", tenantId);
			StringBuilder where = new StringBuilder("h.tenant_id = :inv_tenant and h.id in (")
				.append(awaited.insuredIdsSql())
				.append(")");
			if (!f.states().isEmpty()) {
				List<String> any = new ArrayList<>();
				for (HouseholdState s : f.states()) {
					if (s == HouseholdState.UNREGISTERED) {
						any.add("a.id is null");
					}
					else {
						any.add("(a.id is not null and h.id in (" + TargetHouseholds
							.formsIn(tenantId, campaignId, office, Set.of(State.valueOf(s.name())))
							.insuredIdsSql() + "))");
					}
				}
				where.append(" and (").append(String.join(" or ", any)).append(")");
			}
			if (f.registered() != null) {
				where.append(f.registered() ? " and a.id is not null" : " and a.id is null");
			}
			return new Selection(where.toString(), params);
		}

	}

	private InvitationCounts count(long tenantId, long campaignId, ReminderFilter filter) {
		Selection s = Selection.of(tenantId, campaignId, filter);
		return jdbc.sql(OutreachBatch.COUNTS + OutreachBatch.FROM + s.where())
			.params(s.params())
			.query((rs, n) -> OutreachBatch.counts(rs))
			.single();
	}

	private InvitationCounts queue(Campaign campaign, long runId, ReminderFilter filter) {
		Selection s = Selection.of(campaign.tenantId(), campaign.id(), filter);
		List<OutreachBatch.Household> households = jdbc
			.sql(OutreachBatch.HOUSEHOLDS + OutreachBatch.FROM + s.where() + " order by h.kigo, h.bango")
			.params(s.params())
			.query((rs, n) -> OutreachBatch.household(rs))
			.list();
		Set<String> listed = new HashSet<>(
				jdbc.sql("select reason, kigo, bango from campaign_letter where tenant_id = ? and campaign_id = ?")
					.params(campaign.tenantId(), campaign.id())
					.query((rs, n) -> rs.getString("reason") + ":" + rs.getString("kigo") + "/" + rs.getString("bango"))
					.list());
		InvitationCounts counts = new OutreachBatch(batch, mails, mailer,
				tenants.findById(campaign.tenantId()).orElseThrow(), campaign.id(), campaign.title(),
				campaign.deadline(), runId, OutreachBatch.Kinds.REMINDER, listed, clock.instant())
			.queueAll(households);
		jdbc.sql("update reminder_run set member_mails = ?, signup_guides = ?, letters = ? where id = ?")
			.params(counts.memberMails(), counts.signupGuides(), counts.letters(), runId)
			.update();
		return counts;
	}

}
