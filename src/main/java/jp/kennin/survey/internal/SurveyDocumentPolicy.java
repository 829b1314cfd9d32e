package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import jp.kennin.document.DocumentChangePolicy;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.StoredDocument;
import jp.kennin.survey.CampaignVisibility;
import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proof documents belong to a survey form: members add files while their form takes
 * changes and, after submitting, until a reviewer starts; they delete files only before
 * submitting; while a removal is 削除予定 they add files for their response. A household with
 * no survey form at all is not governed by this policy.
 */
@Component
class SurveyDocumentPolicy implements DocumentChangePolicy {

	private static final Pattern SURVEY_SLOT = Pattern.compile("[A-Z0-9_]{1,40}");

	private final JdbcClient jdbc;

	private final Clock clock;

	SurveyDocumentPolicy(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The survey's slots are upper-case codes (a required document, OTHER); slots that
	 * name another module (the subsidy's {@code subsidy-receipt:<claim id>}) follow that
	 * module's rules, whatever the survey form's state.
	 */
	@Override
	public boolean governs(String slot) {
		return slot == null || SURVEY_SLOT.matcher(slot).matches();
	}

	/**
	 * A returned form takes new files only for the dependents staff returned (and for the
	 * household as a whole), until the correction deadline.
	 */
	@Override
	public boolean mayUpload(DocumentOwner owner, Long subjectPersonId, String slot) {
		return !hasForms(owner) || openForms(owner).stream()
			.anyMatch(
					f -> f.returned ? returnedFor(owner, f, subjectPersonId) : !f.submitted || f.reviewStarted == null)
				|| inRebuttalWindow(owner);
	}

	/**
	 * A removal of the household is 削除予定 (SurveyReviewSteps.openDocumentsForRebuttal):
	 * the member's response may bring documents, whatever the campaign's state.
	 */
	private boolean inRebuttalWindow(DocumentOwner owner) {
		return jdbc.sql("""
				select count(*) from survey_form where tenant_id = ? and kigo = ? and bango = ?
				  and rebuttal_documents_until > ?""")
			.params(owner.tenantId(), owner.kigo(), owner.bango(), Timestamp.from(clock.instant()))
			.query(Integer.class)
			.single() > 0;
	}

	private boolean returnedFor(DocumentOwner owner, OpenForm f, Long subjectPersonId) {
		if (f.correctionDeadline != null && clock.instant().isAfter(f.correctionDeadline.toInstant())) {
			return false;
		}
		int parts = jdbc.sql("""
				select count(*) from survey_return_part
				where tenant_id = ? and survey_form_id = ? and returned_count = ?""")
			.params(owner.tenantId(), f.id, f.returnedCount)
			.query(Integer.class)
			.single();
		if (parts == 0) {
			return true; // returned before parts were kept: the whole form is open
		}
		// A file for the household as a whole (no dependent named) belongs to no one
		// part.
		return subjectPersonId == null || jdbc.sql("""
				select count(*) from survey_return_part p join survey_form_dependent d on d.id = p.dependent_id
				where p.tenant_id = ? and p.survey_form_id = ? and p.returned_count = ? and d.roster_person_id = ?""")
			.params(owner.tenantId(), f.id, f.returnedCount, subjectPersonId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * A returned form (差し戻し) keeps what staff saw: the member adds a new file instead of
	 * deleting the old one, so the review history still shows the earlier document.
	 */
	@Override
	public boolean mayDelete(DocumentOwner owner, StoredDocument document) {
		return !hasForms(owner) || openForms(owner).stream().anyMatch(f -> !f.submitted && !f.returned);
	}

	private record OpenForm(long id, boolean submitted, boolean returned, Timestamp reviewStarted, int returnedCount,
			Timestamp correctionDeadline) {
	}

	private boolean hasForms(DocumentOwner owner) {
		return jdbc.sql("select count(*) from survey_form where tenant_id = ? and kigo = ? and bango = ?")
			.params(owner.tenantId(), owner.kigo(), owner.bango())
			.query(Integer.class)
			.single() > 0;
	}

	/** The household's forms whose campaign takes member changes now. */
	private List<OpenForm> openForms(DocumentOwner owner) {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc
			.sql("""
					select f.id, f.status, f.review_started_at, f.returned_count, f.correction_deadline
					from survey_form f
					join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
					where f.tenant_id = :tenant and f.kigo = :kigo and f.bango = :bango and %s"""
				.formatted(CampaignVisibility.TAKES_CHANGES.sql()))
			.param("tenant", owner.tenantId())
			.param("kigo", owner.kigo())
			.param("bango", owner.bango())
			.param(CampaignVisibility.NOW, now)
			.query((rs, n) -> new OpenForm(rs.getLong("id"),
					SurveyStatus.State.valueOf(rs.getString("status")).handedIn(),
					"RETURNED".equals(rs.getString("status")), rs.getTimestamp("review_started_at"),
					rs.getInt("returned_count"), rs.getTimestamp("correction_deadline")))
			.list();
	}

}
