package jp.kennin.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.tenant.Tenant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * One outreach of a campaign (the invitations at opening, or one reminder run), queued
 * batch by batch: a mail to the member's registered address, else a sign-up mail to the
 * roster address, else a place on the letter list; each household journalled (channel,
 * kind, outbox ID, never the address). A household whose address is known to bounce gets
 * a letter instead of another refused mail ({@code BOUNCING} on the letter list).
 * <p>
 * The invitations and the reminders differ only in their {@link Kinds}; the rule of who
 * gets what is here once, with its SQL ({@link #HOUSEHOLDS}, {@link #COUNTS}).
 */
final class OutreachBatch {

	/**
	 * The households of a selection on roster_person h with their member account a and
	 * the bounce of the address mail would go to (mb); append the selection's condition.
	 * The bounce table belongs to the notification module; it is read here, in the same
	 * statement, so that the counts staff confirm and the queuing use one rule.
	 */
	static final String FROM = """
			from roster_person h
			left join member_account a on a.tenant_id = h.tenant_id and a.roster_person_id = h.id and a.status = 'ACTIVE'
			left join mail_bounce mb on mb.tenant_id = h.tenant_id
			  and mb.address = lower(trim(coalesce(a.email, h.email)))
			where\s""";

	/** The households to queue, in 記号・番号 order; append {@link #FROM} and a condition. */
	static final String HOUSEHOLDS = "select h.kigo, h.bango, h.name, h.email as roster_email, a.email as account_email,"
			+ " case when mb.id is null then 0 else 1 end as bouncing ";

	/** Members, sign-up mails and letters a selection would get; append {@link #FROM}. */
	static final String COUNTS = """
			select coalesce(sum(case when a.id is not null and mb.id is null then 1 else 0 end), 0) as members,
			  coalesce(sum(case when a.id is null and coalesce(trim(h.email), '') <> '' and mb.id is null then 1 else 0 end), 0)
			    as guides,
			  count(*) as total
			""";

	static InvitationCounts counts(ResultSet rs) throws SQLException {
		long members = rs.getLong("members");
		long guides = rs.getLong("guides");
		return new InvitationCounts(members, guides, rs.getLong("total") - members - guides);
	}

	static Household household(ResultSet rs) throws SQLException {
		return new Household(rs.getString("kigo"), rs.getString("bango"), rs.getString("name"),
				rs.getString("account_email"), rs.getString("roster_email"), rs.getInt("bouncing") == 1);
	}

	/**
	 * What one kind of outreach writes.
	 *
	 * @param letterReason the letter list's reason for a household without an address
	 */
	record Kinds(AccountMails.Template memberTemplate, String memberKind, AccountMails.Template guideTemplate,
			String guideKind, String letterKind, String letterReason) {

		static final Kinds INVITATION = new Kinds(AccountMails.Template.CAMPAIGN_INVITATION, "INVITATION",
				AccountMails.Template.CAMPAIGN_SIGNUP_GUIDE, "SIGNUP_GUIDE", "INVITATION", "NO_ADDRESS");

		static final Kinds REMINDER = new Kinds(AccountMails.Template.CAMPAIGN_REMINDER, "REMINDER",
				AccountMails.Template.CAMPAIGN_SIGNUP_REMINDER, "SIGNUP_REMINDER", "REMINDER", "REMINDER");

	}

	record Household(String kigo, String bango, String name, String accountEmail, String rosterEmail,
			boolean bouncing) {

		String key() {
			return kigo + "/" + bango;
		}

	}

	private final NamedParameterJdbcTemplate batch;

	private final AccountMails mails;

	private final Mailer mailer;

	private final Tenant tenant;

	private final long campaignId;

	private final long runId;

	private final Kinds kinds;

	private final String memberText;

	private final String guideText;

	private final Map<String, String> values = new HashMap<>();

	private final Timestamp now;

	/** Households already on the letter list, as reason + key, not to be listed twice. */
	private final Set<String> listed;

	private long members;

	private long guides;

	private long letters;

	/**
	 * @param runId 0 for the invitations at opening, else the reminder run
	 * @param listed the campaign's letter list as {@code reason:kigo/bango}, added to as
	 * households are listed
	 */
	OutreachBatch(NamedParameterJdbcTemplate batch, AccountMails mails, Mailer mailer, Tenant tenant, long campaignId,
			String campaignTitle, Instant deadline, long runId, Kinds kinds, Set<String> listed, Instant now) {
		this.batch = batch;
		this.mails = mails;
		this.mailer = mailer;
		this.tenant = tenant;
		this.campaignId = campaignId;
		this.runId = runId;
		this.kinds = kinds;
		this.listed = listed;
		this.now = Timestamp.from(now);
		this.memberText = AccountMails.read(kinds.memberTemplate());
		this.guideText = AccountMails.read(kinds.guideTemplate());
		values.put("campaign", campaignTitle);
		values.put("deadline", JapanTime.formatDateTime(deadline));
	}

	/** Queues every household, {@link CampaignInvitations#BATCH} at a time. */
	InvitationCounts queueAll(List<Household> households) {
		for (int from = 0; from < households.size(); from += CampaignInvitations.BATCH) {
			queue(households.subList(from, Math.min(from + CampaignInvitations.BATCH, households.size())));
		}
		return new InvitationCounts(members, guides, letters);
	}

	private void queue(List<Household> households) {
		List<OutgoingMail> out = new ArrayList<>();
		List<Household> mailed = new ArrayList<>();
		List<SqlParameterSource> journal = new ArrayList<>();
		List<SqlParameterSource> letterRows = new ArrayList<>();
		for (Household h : households) {
			values.put("name", h.name());
			boolean hasRosterAddress = h.rosterEmail() != null && !h.rosterEmail().isBlank();
			if (!h.bouncing() && h.accountEmail() != null) {
				out.add(mails.compose(tenant, h.accountEmail(), memberText, values));
				mailed.add(h);
			}
			else if (!h.bouncing() && h.accountEmail() == null && hasRosterAddress) {
				out.add(mails.compose(tenant, h.rosterEmail().strip(), guideText, values));
				mailed.add(h);
			}
			else {
				letters++;
				String reason = h.bouncing() ? "BOUNCING" : kinds.letterReason();
				if (listed.add(reason + ":" + h.key())) {
					letterRows.add(row(h).addValue("reason", reason));
				}
				journal.add(row(h).addValue("channel", "LETTER")
					.addValue("kind", kinds.letterKind())
					.addValue("outbox", null, Types.BIGINT));
			}
		}
		long[] ids = out.isEmpty() ? new long[0] : mailer.enqueueAll(out);
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
				.addValue("kind", member ? kinds.memberKind() : kinds.guideKind())
				.addValue("outbox", ids[i]));
		}
		if (!letterRows.isEmpty()) {
			batch.batchUpdate("""
					insert into campaign_letter (tenant_id, campaign_id, kigo, bango, reason, created_at)
					values (:tenant, :campaign, :kigo, :bango, :reason, :now)""",
					letterRows.toArray(SqlParameterSource[]::new));
		}
		if (!journal.isEmpty()) {
			batch.batchUpdate("""
					insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, outbox_id,
					  run_id, created_at)
					values (:tenant, :campaign, :kigo, :bango, :channel, :kind, :outbox, :run, :now)""",
					journal.toArray(SqlParameterSource[]::new));
		}
	}

	private MapSqlParameterSource row(Household h) {
		return new MapSqlParameterSource().addValue("tenant", tenant.id())
			.addValue("campaign", campaignId)
			.addValue("kigo", h.kigo())
			.addValue("bango", h.bango())
			.addValue("run", runId)
			.addValue("now", now);
	}

}
