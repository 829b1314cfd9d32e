package jp.kennin.account.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.subsidy.SubsidyClaimDeadlineNear;
import jp.kennin.subsidy.SubsidyClaimDecided;
import jp.kennin.subsidy.SubsidyClaimStatus;
import jp.kennin.subsidy.SubsidyClaimSubmitted;
import jp.kennin.tenant.Tenants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The member's mails of the influenza subsidy (issue 15): the receipt number when a claim
 * is sent or resent, and each step after it — approved, returned, rejected, paid with its
 * batch — and the reminder before the claim window closes when claims are not sent. A
 * mail names the receipt number and the person, never a reason: the member reads that
 * after logging in. Each joins the transaction of what it tells (outbox), so a refused or
 * rolled-back step sends nothing. The address is the account's, or the roster's when the
 * account was reset meanwhile.
 */
@Component
class SubsidyMails {

	/** 2027年2月28日（日）. */
	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("uuuu年M月d日（E）", Locale.JAPAN);

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final AccountMails mails;

	SubsidyMails(AccountRepository accounts, Roster roster, Tenants tenants, AccountMails mails) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.mails = mails;
	}

	@EventListener
	void on(SubsidyClaimSubmitted event) {
		send(event.tenantId(), event.memberAccountId(), event.kigo(), event.bango(),
				AccountMails.Template.SUBSIDY_RECEIVED,
				Map.of("receipt", event.receiptNumber(), "person", event.personName(), "dose",
						Integer.toString(event.dose()), "amount", String.format("%,d", event.amountYen()), "resent",
						event.resent() ? "再度" : ""));
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
		boolean amount = event.status() == SubsidyClaimStatus.APPROVED || event.status() == SubsidyClaimStatus.PAID;
		send(event.tenantId(), event.memberAccountId(), event.kigo(), event.bango(), template,
				Map.of("receipt", event.receiptNumber(), "person", event.personName(), "amount",
						amount ? String.format("%,d", event.amountYen()) : ""));
	}

	@EventListener
	void on(SubsidyClaimDeadlineNear event) {
		send(event.tenantId(), event.memberAccountId(), event.kigo(), event.bango(),
				AccountMails.Template.SUBSIDY_DEADLINE,
				Map.of("count", Integer.toString(event.unsent()), "claimTo", event.claimTo().format(DEADLINE)));
	}

	private void send(long tenantId, long accountId, String kigo, String bango, AccountMails.Template template,
			Map<String, String> values) {
		RosterPerson insured = roster.findInsured(tenantId, kigo, bango).orElse(null);
		String to = accounts.findById(tenantId, accountId)
			.map(MemberAccount::email)
			.orElse(insured == null ? null : insured.email());
		if (to == null || to.isBlank()) {
			return;
		}
		Map<String, String> all = new HashMap<>(values);
		all.put("name", insured == null ? "" : insured.name());
		tenants.findById(tenantId).ifPresent(tenant -> mails.send(tenant, to, template, all));
	}

}
