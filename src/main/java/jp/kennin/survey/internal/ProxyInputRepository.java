package jp.kennin.survey.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.survey.ProxyChannel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff proxy input (代行入力): the channel of the proxy input in progress on a form
 * (survey_form.proxy_channel) and, per submission, who sent it through which channel
 * (survey_form_event.channel and actor_id; null channel = the member on the web).
 */
@Repository
class ProxyInputRepository {

	static final String STAFF = "STAFF";

	private final JdbcClient jdbc;

	ProxyInputRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void start(long tenantId, long formId, ProxyChannel channel, String staff) {
		jdbc.sql("update survey_form set proxy_channel = ?, proxy_staff = ? where tenant_id = ? and id = ?")
			.params(channel.name(), staff, tenantId, formId)
			.update();
	}

	/** The channel staff chose when they started entering this form; empty before. */
	Optional<ProxyChannel> channel(long tenantId, long formId) {
		return jdbc.sql("select proxy_channel from survey_form where tenant_id = ? and id = ?")
			.params(tenantId, formId)
			.query(String.class)
			.optional()
			.map(ProxyChannel::parse);
	}

	/**
	 * Marks the form's latest submission (just recorded in the same transaction) as sent
	 * by staff through the channel.
	 */
	void markLatestSubmission(long tenantId, long formId, ProxyChannel channel, String staff) {
		jdbc.sql("""
				update survey_form_event set channel = ?, actor_kind = ?, actor_id = ?
				where id = (select max(id) from survey_form_event
				  where tenant_id = ? and survey_form_id = ? and kind = 'SUBMITTED')""")
			.params(channel.name(), STAFF, staff, tenantId, formId)
			.update();
	}

	/**
	 * The channel of the form's latest submission: empty when the member sent it on the
	 * web or it was never submitted.
	 */
	Optional<ProxyChannel> latestSubmissionChannel(long tenantId, long formId) {
		return jdbc.sql("""
				select channel from survey_form_event where tenant_id = ? and survey_form_id = ? and kind = 'SUBMITTED'
				order by id desc fetch first 1 rows only""")
			.params(tenantId, formId)
			.query(String.class)
			.optional()
			.map(ProxyChannel::parse);
	}

	/**
	 * For a campaign's export: the forms whose latest submission staff entered, with its
	 * channel (forms the member sent on the web are absent).
	 */
	Map<Long, ProxyChannel> latestSubmissionChannels(long tenantId, long campaignId) {
		Map<Long, ProxyChannel> channels = new HashMap<>();
		jdbc.sql("""
				select e.survey_form_id, e.channel from survey_form_event e
				where e.tenant_id = :tenant and e.channel is not null and e.id in (
				  select max(l.id) from survey_form_event l join survey_form f on f.id = l.survey_form_id
				  where l.tenant_id = :tenant and f.tenant_id = :tenant and f.campaign_id = :campaign
				    and l.kind = 'SUBMITTED' group by l.survey_form_id)""")
			.param("tenant", tenantId)
			.param("campaign", campaignId)
			.query((rs, n) -> {
				ProxyChannel channel = ProxyChannel.parse(rs.getString("channel"));
				if (channel != null) {
					channels.put(rs.getLong("survey_form_id"), channel);
				}
				return null;
			})
			.list();
		return channels;
	}

	/** The form's submissions staff entered: history event ID → channel. */
	Map<Long, ProxyChannel> proxySubmissions(long tenantId, long formId) {
		Map<Long, ProxyChannel> channels = new HashMap<>();
		jdbc.sql("""
				select id, channel from survey_form_event where tenant_id = ? and survey_form_id = ?
				and kind = 'SUBMITTED' and channel is not null""")
			.params(tenantId, formId)
			.query((rs, n) -> channels.put(rs.getLong("id"), ProxyChannel.parse(rs.getString("channel"))))
			.list();
		return channels;
	}

	/**
	 * The channel of the latest submission of the household's own form, when staff
	 * entered it and the form is still handed in (or returned); empty otherwise, and for
	 * another household's form.
	 */
	Optional<ProxyChannel> handedInThrough(long tenantId, String kigo, String bango, long formId) {
		return jdbc.sql("""
				select e.channel from survey_form_event e join survey_form f on f.id = e.survey_form_id
				where f.tenant_id = ? and f.kigo = ? and f.bango = ? and f.id = ? and e.tenant_id = f.tenant_id
				  and f.status in ('SUBMITTED', 'IN_REVIEW', 'COMPLETED', 'RETURNED') and e.kind = 'SUBMITTED'
				order by e.id desc fetch first 1 rows only""")
			.params(tenantId, kigo, bango, formId)
			.query(String.class)
			.optional()
			.map(ProxyChannel::parse);
	}

	/**
	 * The forms among {@code formIds} whose latest submission staff entered, with its
	 * channel.
	 */
	Map<Long, ProxyChannel> latestSubmissionChannels(long tenantId, Collection<Long> formIds) {
		Map<Long, ProxyChannel> channels = new HashMap<>();
		jdbc.sql("""
				select e.survey_form_id, e.channel from survey_form_event e
				where e.tenant_id = :tenant and e.channel is not null and e.id in (
				  select max(l.id) from survey_form_event l
				  where l.tenant_id = :tenant and l.survey_form_id in (:forms) and l.kind = 'SUBMITTED'
				  group by l.survey_form_id)""")
			.param("tenant", tenantId)
			.param("forms", List.copyOf(formIds))
			.query((rs, n) -> channels.put(rs.getLong("survey_form_id"), ProxyChannel.parse(rs.getString("channel"))))
			.list();
		return channels;
	}

}
