package jp.kennin.account.internal;

import java.time.Clock;
import java.util.Map;

import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.SurveySubmitted;
import jp.kennin.tenant.Tenants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the receipt number when a household submits its survey form. The account module sends it because
 * it holds the member's registered address; the mail joins the submission's transaction (outbox), so a
 * submission and its receipt mail are recorded together or not at all.
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
		RosterPerson insured = roster.findInsured(event.tenantId(), event.kigo(), event.bango()).orElse(null);
		if (insured == null) {
			return;
		}
		String to = accounts.findByPerson(event.tenantId(), insured.id())
			.map(MemberAccount::email)
			.orElse(insured.email());
		if (to == null || to.isBlank()) {
			return;
		}
		tenants.findById(event.tenantId())
			.ifPresent(tenant -> mails.send(tenant, to, AccountMails.Template.SURVEY_RECEIPT,
					Map.of("name", insured.name(), "campaign", event.campaignTitle(), "receipt",
							event.receiptNumber(), "when", JapanTime.formatDateTime(clock.instant()))));
	}

}
