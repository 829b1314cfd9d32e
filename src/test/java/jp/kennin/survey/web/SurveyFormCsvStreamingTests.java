package jp.kennin.survey.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.survey.internal.SurveyFormExport;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large campaign's forms CSV streams: rows reach the response while later forms are
 * still being read from the database, so the export never holds the campaign in memory.
 * On H2 only (5,000 households take a while to set up; the streaming itself is the same
 * SQL on PostgreSQL, which SurveyFormCsvIntegrationTests covers).
 */
@KenninIntegrationTest
class SurveyFormCsvStreamingTests {

	private static final int HOUSEHOLDS = 5_000;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	SurveyFormExport export;

	@Autowired
	MessageSource messages;

	@Test
	void rows_are_written_while_later_forms_are_still_being_read() throws IOException {
		Tenant tenant = TestTenants.create(tenants, "大規模出力健保");
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 0; i < HOUSEHOLDS; i++) {
			String bango = String.valueOf(100_000 + i);
			people.add(new RosterPerson(0, 0, "1", bango, "00", true, "本人", RelationshipCategory.SELF, "大量 太郎",
					"タイリョウ タロウ", LocalDate.of(1970, 1, 1), Gender.MALE, null, "100", "本社", null, null, true));
			people.add(new RosterPerson(0, 0, "1", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "大量 花子",
					"タイリョウ ハナコ", LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true));
		}
		roster.upsert(tenant.id(), people);
		Instant opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("大規模調査", LocalDate.of(2026, 7, 1), opens, opens.plusSeconds(86_400 * 30), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaignId);

		SurveyFormExport.Forms forms = export.campaign(tenant.id(), campaignId);
		assertThat(forms.size()).isEqualTo(HOUSEHOLDS);
		CountingStream out = new CountingStream();
		long[] bytesAt = new long[2];
		int[] read = new int[1];
		// The export as the controller runs it, watched from the side: how much CSV had
		// reached the response when
		// the exporter handed out the 1,000th form and the last one.
		SurveyFormExport.Forms watched = new SurveyFormExport.Forms() {
			@Override
			public int size() {
				return forms.size();
			}

			@Override
			public void forEach(SurveyFormExport.FormWriter writer) throws IOException {
				forms.forEach(form -> {
					read[0]++;
					if (read[0] == 1_000) {
						bytesAt[0] = out.count;
					}
					if (read[0] == HOUSEHOLDS) {
						bytesAt[1] = out.count;
					}
					writer.write(form);
				});
			}
		};
		SurveyFormCsv.write(watched, true, messages, out);

		assertThat(read[0]).isEqualTo(HOUSEHOLDS);
		assertThat(bytesAt[0]).as("bytes sent before the 1,000th of 5,000 forms was read").isPositive();
		assertThat(bytesAt[1]).as("bytes sent before the last form was read, of %d", out.count)
			.isGreaterThan(out.count * 9 / 10);
	}

	/** Counts what reaches the response. */
	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

}
