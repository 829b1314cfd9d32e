package jp.kennin.account.internal;

import java.util.Map;

import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.subsidy.SubsidyClaimDecided;
import jp.kennin.subsidy.SubsidyClaimStatus;
import jp.kennin.tenant.Tenants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the member when staff approved, returned or rejected an influenza subsidy claim,
 * and when it was paid with its batch (issue 15). The mail names the receipt number and
 * the person, never the reason: the member reads it after logging in. It joins the
 * decision's transaction (outbox), so a refused or rolled-back decision sends nothing.
 */
@Component
class SubsidyDecisionMail {

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final AccountMails mails;

	SubsidyDecisionMail(AccountRepository accounts, Roster roster, Tenants tenants, AccountMails mails) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.mails = mails;
	}

	@EventListener
	void on(SubsidyClaimDecided event) {
		AccountMails.Template template = switch (event.status()) {
			case APPROVED -> AccountMails.Template.SUBSIDY_APPROVED;
			case RETURNED -> AccountMails.Template.SUBSIDY_RETURNED;
			case REJECTED -> AccountMails.Template.SUBSIDY_REJECTED;
			case PAID -> AccountMails.Template.SUBSIDY_PAID;
			default -> null;
		};
		if (template == null) {
			return;
		}
		RosterPerson insured = roster.findInsured(event.tenantId(), event.kigo(), event.bango()).orElse(null);
		String to = accounts.findById(event.tenantId(), event.memberAccountId())
			.map(MemberAccount::email)
			.orElse(insured == null ? null : insured.email());
		if (to == null || to.isBlank()) {
			return;
		}
		String amount = event.status() == SubsidyClaimStatus.APPROVED || event.status() == SubsidyClaimStatus.PAID
				? String.format("%,d", event.amountYen()) : "";
		tenants.findById(event.tenantId())
			.ifPresent(tenant -> mails.send(tenant, to, template, Map.of("name", insured == null ? "" : insured.name(),
					"receipt", event.receiptNumber(), "person", event.personName(), "amount", amount)));
	}

}
