package jp.kennin.review.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.review.LossReason;
import jp.kennin.review.Rebuttals;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.review.ReviewProblem;
import jp.kennin.survey.SurveyReviewSteps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rebuttal window, member side: reads the household's 削除予定 and takes a response,
 * which reopens the dependent's review.
 */
@Service
@Transactional
class RebuttalManagement implements Rebuttals {

	static final String MEMBER = "MEMBER";

	private final JdbcClient jdbc;

	private final ReviewRepository reviews;

	private final SurveyReviewSteps forms;

	private final AuditLog audit;

	private final Documents documents;

	private final Clock clock;

	RebuttalManagement(JdbcClient jdbc, ReviewRepository reviews, SurveyReviewSteps forms, AuditLog audit,
			Documents documents, Clock clock) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.forms = forms;
		this.audit = audit;
		this.clock = clock;
	}

	private record Open(ScheduledRemoval removal, long caseId, long dependentId, String edaban,
			Long dependentPersonId) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<ScheduledRemoval> scheduled(MemberActor member) {
		return open(member, null).stream().map(Open::removal).toList();
	}

	@Override
	public void respond(MemberActor member, long decisionId, String message, List<Attachment> attachments) {
		String text = message == null ? "" : message.strip();
		if (text.isEmpty()) {
			throw new ReviewProblem("review.rebuttal.problem.message");
		}
		if (text.length() > MESSAGE_MAX) {
			throw new ReviewProblem("review.rebuttal.problem.tooLong");
		}
		List<Attachment> files = attachments == null ? List.of() : attachments;
		if (files.size() > ATTACHMENTS_MAX) {
			throw new ReviewProblem(TOO_MANY_FILES);
		}
		Open open = open(member, decisionId).stream()
			.findFirst()
			.orElseThrow(() -> new ReviewProblem("review.rebuttal.problem.closed"));
		// While the removal is 削除予定 the survey's document policy takes files for the
		// form (SurveyReviewSteps.openDocumentsForRebuttal); a refused one undoes all.
		DocumentOwner owner = new DocumentOwner(member.tenantId(), member.kigo(), member.bango());
		for (Attachment file : files) {
			documents.store(owner, open.dependentPersonId(), "OTHER", file.originalName(), file.content());
		}
		Instant now = clock.instant();
		reviews.reopenByRebuttal(member.tenantId(), open.caseId(), open.dependentId(), text, now);
		forms.reopenReview(member.tenantId(), open.removal().formId());
		reviews.addEvent(member.tenantId(), open.caseId(), ReviewAuditEvent.REBUTTAL_RECEIVED.name(),
				open.dependentId(), text, member.userId(), MEMBER, now);
		audit.record(new AuditLog.Event(ReviewAuditEvent.REBUTTAL_RECEIVED.name(), member.tenantId(), MEMBER,
				member.userId(), null, "survey_form:" + open.removal().formId(), member.ip(),
				Map.of("edaban", open.edaban(), "length", String.valueOf(text.length()), "documents",
						String.valueOf(files.size()))));
	}

	/**
	 * The household's final removals whose window is still open (one, if
	 * {@code decisionId} is given).
	 */
	private List<Open> open(MemberActor member, Long decisionId) {
		return jdbc.sql("""
				select rd.id, rd.review_case_id, rd.dependent_id, rd.loss_date, rd.reason, rd.rebuttal_ends_at,
				       f.id as form_id, c.title, d.name, d.relationship, d.edaban, d.roster_person_id
				from review_decision rd
				join review_case rc on rc.id = rd.review_case_id and rc.tenant_id = rd.tenant_id
				join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
				join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
				join survey_form_dependent d on d.id = rd.dependent_id and d.tenant_id = rd.tenant_id
				where rd.tenant_id = ? and f.kigo = ? and f.bango = ? and rd.decision = 'REMOVE'
				  and rd.approval = 'APPROVED' and rd.rebuttal_ends_at > ? and (? = 0 or rd.id = ?)
				order by rd.rebuttal_ends_at, rd.id""")
			.params(member.tenantId(), member.kigo(), member.bango(), Timestamp.from(clock.instant()),
					decisionId == null ? 0 : 1, decisionId == null ? 0 : decisionId)
			.query((rs, n) -> new Open(
					new ScheduledRemoval(rs.getLong("id"), rs.getLong("form_id"), rs.getString("title"),
							rs.getString("name"), rs.getString("relationship"),
							rs.getDate("loss_date") == null ? null : rs.getDate("loss_date").toLocalDate(),
							rs.getString("reason") == null ? null : LossReason.valueOf(rs.getString("reason")),
							RebuttalWindows.lastDay(rs.getTimestamp("rebuttal_ends_at").toInstant())),
					rs.getLong("review_case_id"), rs.getLong("dependent_id"), rs.getString("edaban"),
					rs.getObject("roster_person_id", Long.class)))
			.list();
	}

}
