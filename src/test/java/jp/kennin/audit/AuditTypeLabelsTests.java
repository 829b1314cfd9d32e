package jp.kennin.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.document.DocumentAuditEvent;
import jp.kennin.helpdesk.HelpDeskAuditEvent;
import jp.kennin.notice.NoticeAuditEvent;
import jp.kennin.lossnotice.LossNoticeAuditEvent;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.roster.RosterAuditEvent;
import jp.kennin.staff.StaffAuditEvent;
import jp.kennin.survey.SurveyAuditEvent;
import jp.kennin.tenant.TenantAuditEvent;
import jp.kennin.terms.TermsAuditEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every typed audit event has a label in both languages, so the audit log never shows its
 * code.
 */
class AuditTypeLabelsTests {

	@ParameterizedTest
	@ValueSource(strings = { "ja", "en" })
	void every_typed_event_has_a_label(String language) throws IOException {
		Properties labels = new Properties();
		// The review module keeps its labels in its own bundle.
		for (String bundle : new String[] { "audit", "review", "outcome" }) {
			try (var in = getClass().getResourceAsStream("/messages/" + bundle + "_" + language + ".properties")) {
				labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
		}
		Stream
			.of(AccountAuditEvent.values(), SurveyAuditEvent.values(), StaffAuditEvent.values(),
					TenantAuditEvent.values(), TermsAuditEvent.values(), NoticeAuditEvent.values(),
					RosterAuditEvent.values(), HelpDeskAuditEvent.values(), DocumentAuditEvent.values(),
					AuditAuditEvent.values(), ReviewAuditEvent.values(), LossNoticeAuditEvent.values())
			.flatMap(Stream::of)
			.map(Enum::name)
			.forEach(type -> assertThat(labels.getProperty("audit.type." + type)).as(type).isNotBlank());
	}

}
