package jp.kennin.survey.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.ReminderSchedule;
import jp.kennin.platform.JapanTime;

/**
 * The campaign form as typed: dates and times stay strings so a bad value can be shown
 * back with a message instead of being lost.
 */
public class CampaignForm {

	private String title = "";

	private String referenceDate = "";

	private String opensDate = "";

	private String opensTime = "09:00";

	private String deadlineDate = "";

	private String deadlineTime = "23:59";

	private boolean lateSubmissionAllowed;

	private String instructions = "";

	private String ageOn = "";

	private String ageMin = "18";

	private String ageMax = "";

	private Set<RelationshipCategory> categories = EnumSet.complementOf(EnumSet.of(RelationshipCategory.SELF));

	private String recognizedUntil = "";

	private String reminderDays = ReminderSchedule.DEFAULT.daysText();

	private String reminderHour = String.valueOf(ReminderSchedule.DEFAULT.hour());

	/**
	 * A new campaign's form. Ages count on 1 April of the current fiscal year by default
	 * (as 協会けんぽ and most kenpo count "18 or over"), so the default age rule comes with
	 * its date and the form validates.
	 */
	static CampaignForm forNew(LocalDate today) {
		CampaignForm f = new CampaignForm();
		LocalDate april = LocalDate.of(today.getYear(), 4, 1);
		f.ageOn = (today.isBefore(april) ? april.minusYears(1) : april).toString();
		return f;
	}

	static CampaignForm of(Campaign c) {
		CampaignForm f = new CampaignForm();
		f.title = c.title();
		f.referenceDate = c.referenceDate().toString();
		f.opensDate = JapanTime.of(c.opensAt()).toLocalDate().toString();
		f.opensTime = JapanTime.of(c.opensAt()).toLocalTime().toString();
		f.deadlineDate = JapanTime.of(c.deadline()).toLocalDate().toString();
		f.deadlineTime = JapanTime.of(c.deadline()).toLocalTime().toString();
		f.lateSubmissionAllowed = c.lateSubmissionAllowed();
		f.instructions = c.instructions();
		f.ageOn = c.rules().ageOn() == null ? "" : c.rules().ageOn().toString();
		f.ageMin = c.rules().ageMin() == null ? "" : c.rules().ageMin().toString();
		f.ageMax = c.rules().ageMax() == null ? "" : c.rules().ageMax().toString();
		f.categories = c.rules().categories().isEmpty() ? EnumSet.noneOf(RelationshipCategory.class)
				: EnumSet.copyOf(c.rules().categories());
		f.recognizedUntil = c.rules().recognizedUntil() == null ? "" : c.rules().recognizedUntil().toString();
		f.reminderDays = c.reminders().daysText();
		f.reminderHour = String.valueOf(c.reminders().hour());
		return f;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getReferenceDate() {
		return referenceDate;
	}

	public void setReferenceDate(String referenceDate) {
		this.referenceDate = referenceDate;
	}

	public String getOpensDate() {
		return opensDate;
	}

	public void setOpensDate(String opensDate) {
		this.opensDate = opensDate;
	}

	public String getOpensTime() {
		return opensTime;
	}

	public void setOpensTime(String opensTime) {
		this.opensTime = opensTime;
	}

	public String getDeadlineDate() {
		return deadlineDate;
	}

	public void setDeadlineDate(String deadlineDate) {
		this.deadlineDate = deadlineDate;
	}

	public String getDeadlineTime() {
		return deadlineTime;
	}

	public void setDeadlineTime(String deadlineTime) {
		this.deadlineTime = deadlineTime;
	}

	public boolean isLateSubmissionAllowed() {
		return lateSubmissionAllowed;
	}

	public void setLateSubmissionAllowed(boolean lateSubmissionAllowed) {
		this.lateSubmissionAllowed = lateSubmissionAllowed;
	}

	public String getInstructions() {
		return instructions;
	}

	public void setInstructions(String instructions) {
		this.instructions = instructions;
	}

	public String getAgeOn() {
		return ageOn;
	}

	public void setAgeOn(String ageOn) {
		this.ageOn = ageOn;
	}

	public String getAgeMin() {
		return ageMin;
	}

	public void setAgeMin(String ageMin) {
		this.ageMin = ageMin;
	}

	public String getAgeMax() {
		return ageMax;
	}

	public void setAgeMax(String ageMax) {
		this.ageMax = ageMax;
	}

	public Set<RelationshipCategory> getCategories() {
		return categories;
	}

	public void setCategories(Set<RelationshipCategory> categories) {
		this.categories = categories;
	}

	public String getRecognizedUntil() {
		return recognizedUntil;
	}

	public void setRecognizedUntil(String recognizedUntil) {
		this.recognizedUntil = recognizedUntil;
	}

	public String getReminderDays() {
		return reminderDays;
	}

	public void setReminderDays(String reminderDays) {
		this.reminderDays = reminderDays;
	}

	public String getReminderHour() {
		return reminderHour;
	}

	public void setReminderHour(String reminderHour) {
		this.reminderHour = reminderHour;
	}

}
