package jp.kennin.review.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.survey.CampaignClosed;
import jp.kennin.survey.NonResponderRule;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a closing campaign's rule to the households that did not submit (未着手, 回答中), in
 * the closing's transaction: each gets a review (started by the closer) and each of its
 * dependents a 保留 with the note 未提出, or a 削除 proposal with 事由 未提出 and 喪失日 by rule,
 * waiting for a TENANT_ADMIN's approval (four eyes even when the insurer turned them off:
 * nobody looked at these households). Done in a few set-based statements, so 100,000
 * households close in one go. Idempotent: a form that already has a review, and a
 * dependent that already has a decision, are left alone.
 */
@Component
class NonResponderClosing {

	static final String NOTE = "未提出";

	private final JdbcClient jdbc;

	private final AuditLog log;

	private final Clock clock;

	NonResponderClosing(JdbcClient jdbc, AuditLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	@EventListener
	void on(CampaignClosed closed) {
		Timestamp now = Timestamp.from(clock.instant());
		String by = closed.actorId();
		long tenant = closed.tenantId();
		long campaign = closed.campaignId();
		int forms = jdbc.sql("""
				insert into review_case (tenant_id, survey_form_id, campaign_id, started_by, started_at, updated_at)
				select f.tenant_id, f.id, f.campaign_id, ?, ?, ? from survey_form f
				where f.tenant_id = ? and f.campaign_id = ? and f.status in ('NOT_STARTED', 'IN_PROGRESS')
				  and not exists (select 1 from review_case rc where rc.survey_form_id = f.id)""")
			.params(by, now, now, tenant, campaign)
			.update();
		boolean remove = closed.nonResponderRule() == NonResponderRule.REMOVE;
		LocalDate lossDate = remove ? NonResponderRule.lossDate(closed.deadline()) : null;
		int dependents = jdbc.sql("""
				insert into review_decision (tenant_id, review_case_id, dependent_id, decision, approval, loss_date,
				  reason, note, decided_by, decided_at, changed_at)
				select rc.tenant_id, rc.id, d.id, ?, ?, ?, ?, ?, ?, ?, ?
				from review_case rc
				join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
				join survey_form_dependent d on d.survey_form_id = f.id and d.tenant_id = f.tenant_id
				where rc.tenant_id = ? and rc.campaign_id = ? and f.status in ('NOT_STARTED', 'IN_PROGRESS')
				  and not exists (select 1 from review_decision rd
				                  where rd.review_case_id = rc.id and rd.dependent_id = d.id)""")
			.params(remove ? "REMOVE" : "HOLD", remove ? ReviewRepository.PROPOSED : null,
					lossDate == null ? null : Date.valueOf(lossDate), remove ? "NOT_SUBMITTED" : null, NOTE, by, now,
					now, tenant, campaign)
			.update();
		jdbc.sql("""
				insert into review_event (tenant_id, review_case_id, kind, dependent_id, detail, actor, actor_role,
				  occurred_at)
				select rc.tenant_id, rc.id, ?, null, ?, ?, ?, ? from review_case rc
				join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
				where rc.tenant_id = ? and rc.campaign_id = ? and f.status in ('NOT_STARTED', 'IN_PROGRESS')
				  and rc.started_at = ? and rc.started_by = ?""")
			.params(ReviewAuditEvent.NON_RESPONDERS_HANDLED.name(), closed.nonResponderRule().name(), by,
					closed.actorRole(), now, tenant, campaign, now, by)
			.update();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("rule", closed.nonResponderRule().name());
		details.put("forms", String.valueOf(forms));
		details.put("dependents", String.valueOf(dependents));
		if (lossDate != null) {
			details.put("lossDate", lossDate.toString());
		}
		log.record(new AuditLog.Event(ReviewAuditEvent.NON_RESPONDERS_HANDLED.name(), tenant, closed.actorKind(), by,
				closed.actorRole(), "campaign:" + campaign, closed.ip(), details));
	}

}
