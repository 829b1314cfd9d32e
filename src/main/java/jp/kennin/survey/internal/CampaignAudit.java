package jp.kennin.survey.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.SurveyAuditEvent;
import jp.kennin.survey.TargetRules;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the campaign events in the caller's transaction: an action and its record commit
 * together. Values are recorded as staff read them (Japan time, relationship names), so
 * the log needs no campaign to explain it.
 */
@Component
class CampaignAudit {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private final AuditLog log;

	private final MessageSource messages;

	CampaignAudit(AuditLog log, MessageSource messages) {
		this.log = log;
		this.messages = messages;
	}

	void record(SurveyAuditEvent type, CampaignActor actor, long campaignId, Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), actor.tenantId(), actor.kind(), actor.id(), actor.role(),
				"campaign:" + campaignId, actor.ip(), details));
	}

	static String time(Instant instant) {
		return MINUTES.format(JapanTime.of(instant));
	}

	/** Every field of the draft, for a creation. */
	Map<String, String> fields(CampaignDraft draft) {
		return changes(null, draft);
	}

	/**
	 * The fields an edit changed, with their new values; all fields when {@code before}
	 * is null.
	 */
	Map<String, String> changes(Campaign before, CampaignDraft after) {
		Map<String, String> out = new LinkedHashMap<>();
		TargetRules was = before == null ? null : before.rules();
		TargetRules now = after.rules();
		put(out, "title", before == null ? null : before.title(), after.title(), after.title());
		put(out, "referenceDate", before == null ? null : before.referenceDate(), after.referenceDate(),
				day(after.referenceDate()));
		put(out, "opensAt", before == null ? null : before.opensAt(), after.opensAt(), time(after.opensAt()));
		put(out, "deadline", before == null ? null : before.deadline(), after.deadline(), time(after.deadline()));
		put(out, "lateSubmissionAllowed", before == null ? null : before.lateSubmissionAllowed(),
				after.lateSubmissionAllowed(), String.valueOf(after.lateSubmissionAllowed()));
		put(out, "instructions", before == null ? null : before.instructions(), after.instructions(),
				after.instructions());
		put(out, "categories", was == null ? null : was.categories(), now.categories(),
				now.categories()
					.stream()
					.sorted()
					.map(c -> messages.getMessage("survey.category." + c, null, c.name(), Locale.JAPANESE))
					.collect(Collectors.joining("、")));
		put(out, "ageOn", was == null ? null : was.ageOn(), now.ageOn(), day(now.ageOn()));
		put(out, "ageMin", was == null ? null : was.ageMin(), now.ageMin(), text(now.ageMin()));
		put(out, "ageMax", was == null ? null : was.ageMax(), now.ageMax(), text(now.ageMax()));
		put(out, "recognizedUntil", was == null ? null : was.recognizedUntil(), now.recognizedUntil(),
				day(now.recognizedUntil()));
		if (after.reminders() != null) {
			put(out, "reminderDays", before == null ? null : before.reminders().daysText(),
					after.reminders().daysText(), after.reminders().daysText());
			put(out, "reminderHour", before == null ? null : before.reminders().hour(), after.reminders().hour(),
					String.valueOf(after.reminders().hour()));
		}
		return out;
	}

	private static void put(Map<String, String> out, String field, Object before, Object after, String shown) {
		if (!Objects.equals(before, after)) {
			out.put(field, shown);
		}
	}

	private static String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
