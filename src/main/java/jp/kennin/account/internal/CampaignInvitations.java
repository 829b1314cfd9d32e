package jp.kennin.account.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.audit.AuditLog;
import jp.kennin.notification.Mailer;
import jp.kennin.survey.CampaignOpened;
import jp.kennin.survey.CampaignOutreach;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.survey.TargetHouseholds;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations at a campaign's opening, one per target household: a mail to the
 * member's registered address, else a sign-up guide to the roster address, else (or when
 * the address bounces) a place on the letter list ({@link OutreachBatch}). Each is
 * journalled (channel, kind, outbox ID, never the address). The mails carry the member's
 * name and nothing else personal.
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
			.sql(OutreachBatch.COUNTS + OutreachBatch.FROM + "h.tenant_id = :inv_tenant and h.id in ("
					+ households.insuredIdsSql() + ")")
			.params(p)
			.query((rs, n) -> OutreachBatch.counts(rs))
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
		List<OutreachBatch.Household> households = jdbc
			.sql(OutreachBatch.HOUSEHOLDS + OutreachBatch.FROM + "h.tenant_id = :inv_tenant and h.id in ("
					+ TargetHouseholds.formsOf(opened.tenantId(), opened.campaignId()).insuredIdsSql()
					+ ") order by h.kigo, h.bango")
			.params(p)
			.query((rs, n) -> OutreachBatch.household(rs))
			.list();
		InvitationCounts counts = new OutreachBatch(batch, mails, mailer, tenant, opened.campaignId(), opened.title(),
				opened.deadline(), 0, OutreachBatch.Kinds.INVITATION, new HashSet<>(), clock.instant())
			.queueAll(households);
		audit.record(new AuditLog.Event(AccountAuditEvent.CAMPAIGN_INVITATIONS_QUEUED.name(), opened.tenantId(),
				AccountAudit.SYSTEM, ACTOR, null, "campaign:" + opened.campaignId(), null,
				Map.of("memberMails", String.valueOf(counts.memberMails()), "signupGuides",
						String.valueOf(counts.signupGuides()), "letters", String.valueOf(counts.letters()))));
		log.info("Campaign {} of tenant {}: queued {} member mails, {} sign-up guides, {} letters in {} ms",
				opened.campaignId(), opened.tenantId(), counts.memberMails(), counts.signupGuides(), counts.letters(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** A retried opening event queues nothing twice. */
	private boolean alreadyQueued(CampaignOpened opened) {
		return jdbc.sql("select count(*) from outreach_journal where tenant_id = ? and campaign_id = ?")
			.params(opened.tenantId(), opened.campaignId())
			.query(Long.class)
			.single() > 0;
	}

}
