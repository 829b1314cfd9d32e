package jp.kennin.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;

import org.springframework.stereotype.Component;

/**
 * The demo insurer's open survey: every dependent aged 18 or over (and every spouse and
 * parent), open since yesterday, deadline four weeks ahead, so a newcomer can answer it
 * at once.
 */
@Component
class DemoCampaign {

	private final Campaigns campaigns;

	private final Clock clock;

	DemoCampaign(Campaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	void create(long tenantId) {
		LocalDate today = JapanTime.today(clock);
		var opensAt = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		var deadline = today.plusWeeks(4).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long id = campaigns.create(tenantId, new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today.withDayOfMonth(1),
				opensAt, deadline, false, "ご家族（被扶養者）ごとに調査票に回答し、必要な書類をアップロードして、回答期限までに提出してください。",
				new TargetRules(today, 18, null, EnumSet.complementOf(EnumSet.of(RelationshipCategory.SELF)), null)));
		campaigns.open(tenantId, id);
	}

}
