package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.audit.AuditLog;
import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.CampaignOpened;
import jp.kennin.survey.CampaignOutreach;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.survey.TargetHouseholds;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations at a campaign's opening, one per target household: a mail to the
 * member's registered address, else a sign-up guide to the roster address, else a place
 * on the letter list. Each is journalled (channel, kind, outbox ID, never the address).
 * The mails carry the member's name and nothing else personal.
 * <p>
 * The listener runs inside the opening's transaction (a plain {@link EventListener}, not
 * an after-commit module listener): the campaign is open if and only if its invitations
 * are queued, the counts come from the same locked snapshot of roster and accounts, and a
 * failure undoes the opening so staff can simply open again. Batched inserts keep that
 * transaction to seconds even for 100,000 households.
 */
@Component
class CampaignInvitations implements CampaignOutreach {

	static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(CampaignInvitations.class);

	private static final String ACTOR = "campaign-opening";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Tenants tenants;

	private final AccountMails mails;

	private final Mailer mailer;

	private final AuditLog audit;

	private final Clock clock;

	CampaignInvitations(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Tenants tenants, AccountMails mails,
			Mailer mailer, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tenants = tenants;
		this.mails = mails;
		this.mailer = mailer;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public InvitationCounts plan(long tenantId, TargetHouseholds households) {
		Map<String, Object> p = new HashMap<>(households.params());
		p.put("inv_tenant", tenantId);
		return jdbc
			.sql("""
					select count(a.id) as members,
					  coalesce(sum(case when a.id is null and coalesce(trim(h.email), '') <> '' then 1 else 0 end), 0) as guides,
					  count(*) as total
					from roster_person h
					left join member_account a on a.tenant_id = h.tenant_id and a.roster_person_id = h.id and a.status = 'ACTIVE'
					where h.tenant_id = :inv_tenant and h.id in ("""
					+ households.insuredIdsSql() + ")")
			.params(p)
			.query((rs, n) -> new InvitationCounts(rs.getLong("members"), rs.getLong("guides"),
					rs.getLong("total") - rs.getLong("members") - rs.getLong("guides")))
			.single();
	}

	@EventListener
	void on(CampaignOpened opened) {
		if (alreadyQueued(opened)) {
			return;
		}
		long started = System.nanoTime();
		Tenant tenant = tenants.findById(opened.tenantId()).orElseThrow();
		Map<String, Object> p = new HashMap<>(
				TargetHouseholds.formsOf(opened.tenantId(), opened.campaignId()).params());
		p.put("inv_tenant", opened.tenantId());
		List<Household> households = jdbc
			.sql("""
					select h.kigo, h.bango, h.name, h.email as roster_email, a.email as account_email
					from roster_person h
					left join member_account a on a.tenant_id = h.tenant_id and a.roster_person_id = h.id and a.status = 'ACTIVE'
					where h.tenant_id = :inv_tenant and h.id in ("""
					+ TargetHouseholds.formsOf(opened.tenantId(), opened.campaignId()).insuredIdsSql()
					+ ") order by h.kigo, h.bango")
			.params(p)
			.query((rs, n) -> new Household(rs.getString("kigo"), rs.getString("bango"), rs.getString("name"),
					rs.getString("account_email"), rs.getString("roster_email")))
			.list();
		Run run = new Run(tenant, opened);
		for (int from = 0; from < households.size(); from += BATCH) {
			run.queue(households.subList(from, Math.min(from + BATCH, households.size())));
		}
		audit.record(new AuditLog.Event(AccountAuditEvent.CAMPAIGN_INVITATIONS_QUEUED.name(), opened.tenantId(),
				AccountAudit.SYSTEM, ACTOR, null, "campaign:" + opened.campaignId(), null,
				Map.of("memberMails", String.valueOf(run.members), "signupGuides", String.valueOf(run.guides),
						"letters", String.valueOf(run.letters))));
		log.info("Campaign {} of tenant {}: queued {} member mails, {} sign-up guides, {} letters in {} ms",
				opened.campaignId(), opened.tenantId(), run.members, run.guides, run.letters,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** A retried opening event queues nothing twice. */
	private boolean alreadyQueued(CampaignOpened opened) {
		return jdbc.sql("select count(*) from outreach_journal where tenant_id = ? and campaign_id = ?")
			.params(opened.tenantId(), opened.campaignId())
			.query(Long.class)
			.single() > 0;
	}

	/** One opening's queuing, batch by batch. */
	private final class Run {

		private final Tenant tenant;

		private final CampaignOpened opened;

		private final String invitation = AccountMails.read(AccountMails.Template.CAMPAIGN_INVITATION);

		private final String guide = AccountMails.read(AccountMails.Template.CAMPAIGN_SIGNUP_GUIDE);

		private final Timestamp now = Timestamp.from(clock.instant());

		private long members;

		private long guides;

		private long letters;

		Run(Tenant tenant, CampaignOpened opened) {
			this.tenant = tenant;
			this.opened = opened;
		}

		void queue(List<Household> households) {
			List<OutgoingMail> out = new ArrayList<>();
			List<Household> mailed = new ArrayList<>();
			List<Household> onLetterList = new ArrayList<>();
			Map<String, String> values = new HashMap<>();
			values.put("campaign", opened.title());
			values.put("deadline", JapanTime.formatDateTime(opened.deadline()));
			for (Household h : households) {
				values.put("name", h.name());
				if (h.accountEmail() != null) {
					out.add(mails.compose(tenant, h.accountEmail(), invitation, values));
					mailed.add(h);
				}
				else if (h.rosterEmail() != null && !h.rosterEmail().isBlank()) {
					out.add(mails.compose(tenant, h.rosterEmail().strip(), guide, values));
					mailed.add(h);
				}
				else {
					onLetterList.add(h);
				}
			}
			long[] ids = mailer.enqueueAll(out);
			List<SqlParameterSource> journal = new ArrayList<>();
			for (int i = 0; i < mailed.size(); i++) {
				Household h = mailed.get(i);
				boolean member = h.accountEmail() != null;
				if (member) {
					members++;
				}
				else {
					guides++;
				}
				journal.add(row(h).addValue("channel", "MAIL")
					.addValue("kind", member ? "INVITATION" : "SIGNUP_GUIDE")
					.addValue("outbox", ids[i]));
			}
			List<SqlParameterSource> letterRows = new ArrayList<>();
			for (Household h : onLetterList) {
				letters++;
				letterRows.add(row(h).addValue("reason", "NO_ADDRESS"));
				journal.add(row(h).addValue("channel", "LETTER")
					.addValue("kind", "INVITATION")
					.addValue("outbox", null, Types.BIGINT));
			}
			if (!letterRows.isEmpty()) {
				batch.batchUpdate("""
						insert into campaign_letter (tenant_id, campaign_id, kigo, bango, reason, created_at)
						values (:tenant, :campaign, :kigo, :bango, :reason, :now)""",
						letterRows.toArray(SqlParameterSource[]::new));
			}
			if (!journal.isEmpty()) {
				batch.batchUpdate(
						"""
								insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, outbox_id, created_at)
								values (:tenant, :campaign, :kigo, :bango, :channel, :kind, :outbox, :now)""",
						journal.toArray(SqlParameterSource[]::new));
			}
		}

		private MapSqlParameterSource row(Household h) {
			return new MapSqlParameterSource().addValue("tenant", opened.tenantId())
				.addValue("campaign", opened.campaignId())
				.addValue("kigo", h.kigo())
				.addValue("bango", h.bango())
				.addValue("now", now);
		}

	}

	private record Household(String kigo, String bango, String name, String accountEmail, String rosterEmail) {
	}

}
