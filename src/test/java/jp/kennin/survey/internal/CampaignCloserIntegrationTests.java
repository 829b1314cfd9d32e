package jp.kennin.survey.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline job closes overdue campaigns and says so in the audit log, as the system.
 */
@KenninIntegrationTest
class CampaignCloserIntegrationTests {

	@Autowired
	CampaignCloser closer;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_overdue_campaign_is_closed_by_the_job_and_audited_as_the_system() {
		Tenant tenant = TestTenants.create(tenants, "締切ジョブ健保");
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "1", "1", "00", true, "本人", RelationshipCategory.SELF, "締切 太郎", "シメキリ タロウ",
						LocalDate.of(1980, 1, 1), RosterPerson.Gender.MALE, null, "100", "本社", null, null, true),
				new RosterPerson(0, 0, "1", "1", "01", false, "妻", RelationshipCategory.SPOUSE, "締切 花子", "シメキリ ハナコ",
						LocalDate.of(1982, 1, 1), RosterPerson.Gender.FEMALE, null, "100", "本社", true, null, true)));
		Instant opens = Instant.parse("2026-07-28T00:00:00Z");
		Instant deadline = opens.plus(Duration.ofDays(30));
		long id = campaigns.create(tenant.id(), new CampaignDraft("締切ジョブの調査", LocalDate.of(2026, 7, 1), opens, deadline,
				false, "", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), id);

		clock.setInstant(deadline.plusSeconds(1));
		// The job itself, past its cluster lock: the running scheduler may hold
		// the lock for the rest of its slot (ScheduledJobsOncePerSlotIntegrationTests).
		AopTestUtils.<CampaignCloser>getTargetObject(closer).closeOverdue();

		assertThat(campaigns.find(tenant.id(), id).orElseThrow().status()).isEqualTo(CampaignStatus.CLOSED);
		// The newest record is the review's handling of the households that did not
		// submit.
		AuditEntry closed = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + id, 10))
			.stream()
			.filter(e -> e.type().equals("CAMPAIGN_CLOSED"))
			.findFirst()
			.orElseThrow();
		assertThat(closed.type()).isEqualTo("CAMPAIGN_CLOSED");
		assertThat(closed.actorKind()).isEqualTo("SYSTEM");
		assertThat(closed.actorId()).isEqualTo(CampaignCloser.ACTOR);
		assertThat(closed.details()).containsEntry("forms", "1").containsEntry("notSubmitted", "1");
	}

}
