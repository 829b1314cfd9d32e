package jp.kennin.account.internal;

import java.util.Map;

import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.subsidy.SubsidyClaimSubmitted;
import jp.kennin.tenant.Tenants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the member the receipt number (受付番号) when an influenza subsidy claim is sent or
 * resent after correction (issue 15). It joins the sending transaction (outbox), so a
 * refused send mails nothing.
 */
@Component
class SubsidyReceiptMail {

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final AccountMails mails;

	SubsidyReceiptMail(AccountRepository accounts, Roster roster, Tenants tenants, AccountMails mails) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.mails = mails;
	}

	@EventListener
	void on(SubsidyClaimSubmitted event) {
		RosterPerson insured = roster.findInsured(event.tenantId(), event.kigo(), event.bango()).orElse(null);
		String to = accounts.findById(event.tenantId(), event.memberAccountId())
			.map(MemberAccount::email)
			.orElse(insured == null ? null : insured.email());
		if (to == null || to.isBlank()) {
			return;
		}
		tenants.findById(event.tenantId())
			.ifPresent(tenant -> mails.send(tenant, to, AccountMails.Template.SUBSIDY_RECEIVED,
					Map.of("name", insured == null ? "" : insured.name(), "receipt", event.receiptNumber(), "person",
							event.personName(), "dose", Integer.toString(event.dose()), "amount",
							String.format("%,d", event.amountYen()), "resent", event.resent() ? "再度" : "")));
	}

}
