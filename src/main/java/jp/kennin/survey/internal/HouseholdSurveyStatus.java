package jp.kennin.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jp.kennin.platform.JapanTime;
import jp.kennin.survey.CampaignVisibility;
import jp.kennin.survey.MemberSurveys;
import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member home page's survey panel: the household's forms in campaigns members can see
 * now.
 */
@Service
@Transactional(readOnly = true)
class HouseholdSurveyStatus implements MemberSurveys {

	private final JdbcClient jdbc;

	private final Clock clock;

	HouseholdSurveyStatus(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The 差し戻し's message and deadline only while the form is returned (the columns keep
	 * the last one).
	 */
	private static String returned(ResultSet rs, String column) throws SQLException {
		return "RETURNED".equals(rs.getString("status")) ? rs.getString(column) : null;
	}

	private static Instant returnedAt(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("correction_deadline");
		return "RETURNED".equals(rs.getString("status")) && at != null ? at.toInstant() : null;
	}

	/**
	 * Handed in (or returned after it): a withdrawn form's earlier proxy submission no
	 * longer describes it.
	 */
	private static boolean handedIn(ResultSet rs) throws SQLException {
		return HANDED_IN.contains(rs.getString("status"));
	}

	private static final Set<String> HANDED_IN = Set.of("SUBMITTED", "IN_REVIEW", "COMPLETED", "RETURNED");

	private boolean expired(Instant correctionDeadline) {
		return correctionDeadline != null && clock.instant().isAfter(correctionDeadline);
	}

	@Override
	public List<SurveyStatus> statusFor(long tenantId, String kigo, String bango) {
		return jdbc.sql("""
				select c.id, c.title, c.deadline, f.id as form_id, f.status, f.receipt_number,
				  f.return_message, f.correction_deadline,
				  (select e.channel from survey_form_event e where e.tenant_id = f.tenant_id and e.survey_form_id = f.id
				    and e.kind = 'SUBMITTED' order by e.id desc fetch first 1 rows only) as channel
				from survey_form f
				join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
				where f.tenant_id = :tenant and f.kigo = :kigo and f.bango = :bango and %s
				order by c.deadline""".formatted(CampaignVisibility.RUNNING.sql()))
			.param("tenant", tenantId)
			.param("kigo", kigo)
			.param("bango", bango)
			.param(CampaignVisibility.NOW, Timestamp.from(clock.instant()))
			.query((rs, n) -> new SurveyStatus(rs.getLong("id"), rs.getString("title"),
					SurveyStatus.State.valueOf(rs.getString("status")), rs.getTimestamp("deadline").toInstant(),
					rs.getString("receipt_number"),
					ChronoUnit.DAYS.between(JapanTime.today(clock),
							JapanTime.of(rs.getTimestamp("deadline").toInstant()).toLocalDate()),
					rs.getLong("form_id"), returned(rs, "return_message"), returnedAt(rs), expired(returnedAt(rs)),
					handedIn(rs) ? ProxyChannel.parse(rs.getString("channel")) : null))
			.list();
	}

}
