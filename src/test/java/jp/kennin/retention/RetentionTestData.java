package jp.kennin.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.TargetRules;

/**
 * Households, accounts, documents and campaigns for the retention tests, on top of a
 * {@link NoticeFixture} (a campaign opened 2026-07-28 whose forms are answered and
 * reviewed as members and staff do).
 */
public final class RetentionTestData {

	private final NoticeFixture fx;

	private final Documents documents;

	public RetentionTestData(NoticeFixture fx, Documents documents) {
		this.fx = fx;
		this.documents = documents;
	}

	public static Instant japan(int year, int month, int day) {
		return ZonedDateTime.of(year, month, day, 12, 0, 0, 0, JapanTime.ZONE).toInstant();
	}

	public long personId(String bango, String edaban) {
		return fx.jdbc
			.sql("select id from roster_person where tenant_id = ? and kigo = '9' and bango = ? and edaban = ?")
			.params(fx.tenant.id(), bango, edaban)
			.query(Long.class)
			.single();
	}

	/** A PDF about the dependent, uploaded as the member at the clock's time. */
	public long upload(String bango, String edaban) {
		return documents
			.store(new DocumentOwner(fx.tenant.id(), "9", bango), personId(bango, edaban), "OTHER", "証明書.pdf",
					TestFiles.pdf(1))
			.id();
	}

	/** A member account of the insured person (as a finished sign-up leaves it). */
	public long account(String bango, String passwordHash) {
		Timestamp now = Timestamp.from(fx.clock.instant());
		String userId = "ret" + fx.tenant.id() + bango;
		fx.jdbc.sql("""
				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email,
				                            status, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
			.params(fx.tenant.id(), personId(bango, "00"), userId, userId, passwordHash, bango + "@example.jp", now,
					now)
			.update();
		long id = fx.jdbc.sql("select id from member_account where user_id_key = ?")
			.param(userId)
			.query(Long.class)
			.single();
		fx.jdbc
			.sql("insert into member_terms_consent (tenant_id, account_id, version, accepted_at) values (?, ?, 1, ?)")
			.params(fx.tenant.id(), id, now)
			.update();
		return id;
	}

	/** A mail already sent to the household, as the outbox keeps it. */
	public void sentMail(String bango) {
		Timestamp now = Timestamp.from(fx.clock.instant());
		fx.jdbc.sql("""
				insert into mail_outbox (tenant_id, from_address, from_name, to_address, subject, body, status,
				                         attempts, next_attempt_at, created_at, sent_at)
				values (?, 'kenpo@example.jp', '健保', ?, '受付のお知らせ', '様の調査票を受け付けました', 'SENT', 1, ?, ?, ?)""")
			.params(fx.tenant.id(), bango + "@example.jp", now, now, now)
			.update();
	}

	/**
	 * The household leaves the roster at {@code when}, as a snapshot import without its
	 * rows marks them.
	 */
	public void leaveRoster(String bango, Instant when) {
		fx.jdbc.sql("update roster_person set active = false, updated_at = ? where tenant_id = ? and bango = ?")
			.params(Timestamp.from(when), fx.tenant.id(), bango)
			.update();
	}

	/** Closes and completes the campaign at the clock's time. */
	public void complete(long campaignId) {
		fx.campaigns.close(fx.tenant.id(), campaignId);
		fx.campaigns.complete(CampaignActor.system(fx.tenant.id(), "system"), campaignId);
	}

	/** A later campaign (spouses and children), opened at the clock's time. */
	public long openCampaign(int year) {
		Instant opens = fx.clock.instant();
		long id = fx.campaigns.create(fx.tenant.id(),
				new CampaignDraft(year + "年度 被扶養者資格調査", LocalDate.of(year, 7, 1), opens, japan(year, 9, 17), false, "",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		fx.campaigns.open(fx.tenant.id(), id);
		return id;
	}

	public int count(String sql, Object... params) {
		return fx.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
