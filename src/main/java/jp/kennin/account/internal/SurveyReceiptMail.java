package jp.kennin.account.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.review.RemovalScheduled;
import jp.kennin.survey.SurveyReturned;
import jp.kennin.survey.SurveySubmitted;
import jp.kennin.survey.SurveyWithdrawn;
import jp.kennin.tenant.Tenants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the receipt number when a household submits its survey form, and tells the member
 * when a submission was withdrawn (the form is then no longer submitted) or returned for
 * correction. The account module sends it because it holds the member's registered
 * address; the mail joins the submission's transaction (outbox), so a submission and its
 * receipt mail are recorded together or not at all.
 */
@Component
class SurveyReceiptMail {

	private final Roster roster;

	private final AccountRepository accounts;

	private final Tenants tenants;

	private final AccountMails mails;

	private final Clock clock;

	SurveyReceiptMail(Roster roster, AccountRepository accounts, Tenants tenants, AccountMails mails, Clock clock) {
		this.roster = roster;
		this.accounts = accounts;
		this.tenants = tenants;
		this.mails = mails;
		this.clock = clock;
	}

	@EventListener
	void on(SurveySubmitted event) {
		send(event.tenantId(), event.kigo(), event.bango(), AccountMails.Template.SURVEY_RECEIPT,
				Map.of("campaign", event.campaignTitle(), "receipt", event.receiptNumber(), "when",
						JapanTime.formatDateTime(clock.instant())));
	}

	@EventListener
	void on(SurveyWithdrawn event) {
		send(event.tenantId(), event.kigo(), event.bango(), AccountMails.Template.SURVEY_WITHDRAWN,
				Map.of("campaign", event.campaignTitle(), "receipt", event.receiptNumber(), "when",
						JapanTime.formatDateTime(clock.instant()), "deadline",
						JapanTime.formatDateTime(event.deadline())));
	}

	@EventListener
	void on(SurveyReturned event) {
		send(event.tenantId(), event.kigo(), event.bango(), AccountMails.Template.SURVEY_RETURNED, Map.of("campaign",
				event.campaignTitle(), "deadline", JapanTime.formatDateTime(event.correctionDeadline())));
	}

	/** A removal is 削除予定: the member may respond until the last day. */
	@EventListener
	void on(RemovalScheduled event) {
		send(event.tenantId(), event.kigo(), event.bango(), AccountMails.Template.REMOVAL_SCHEDULED,
				Map.of("campaign", event.campaignTitle(), "dependent", event.dependentName(), "lossDate",
						event.lossDate() == null ? "" : JapanTime.formatDate(event.lossDate()), "lastDay",
						JapanTime.formatDate(event.lastDay())));
	}

	private void send(long tenantId, String kigo, String bango, AccountMails.Template template,
			Map<String, String> values) {
		RosterPerson insured = roster.findInsured(tenantId, kigo, bango).orElse(null);
		if (insured == null) {
			return;
		}
		String to = accounts.findByPerson(tenantId, insured.id()).map(MemberAccount::email).orElse(insured.email());
		if (to == null || to.isBlank()) {
			return;
		}
		Map<String, String> all = new HashMap<>(values);
		all.put("name", insured.name());
		tenants.findById(tenantId).ifPresent(tenant -> mails.send(tenant, to, template, all));
	}

}
