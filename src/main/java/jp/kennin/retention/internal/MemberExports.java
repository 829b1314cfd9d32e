package jp.kennin.retention.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentContent;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.retention.Retention.MemberExport;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a household's data export (開示請求) as a ZIP, one entry after the other straight to
 * the response: the account (never the password hash), the roster rows, per campaign the
 * answers and the decisions with their reasons, the uploaded documents (each read through
 * the document module, so each is audited as opened) and the staff access log concerning
 * the household. Only one document is in memory at a time.
 */
@Component
class MemberExports {

	private static final Locale JA = Locale.JAPANESE;

	/** Columns of survey_answer that are keys or bookkeeping, not the member's answer. */
	private static final Set<String> NOT_ANSWERS = Set.of("id", "tenant_id", "survey_form_id", "dependent_id",
			"version", "updated_at");

	/**
	 * The message prefixes that name the stored codes of an answer column, so the member
	 * reads 同居 rather than TOGETHER.
	 */
	private static final Map<String, String> CODE_LABELS = Map.of("continuation", "survey.enum.Continuation.",
			"removal_reason", "survey.enum.RemovalReason.", "living", "survey.enum.Living.", "remittance_method",
			"survey.enum.RemittanceMethod.", "occupations", "survey.enum.Occupation.", "residence",
			"survey.enum.Residence.", "abroad_exception", "survey.enum.AbroadException.");

	private final JdbcClient jdbc;

	private final Documents documents;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	MemberExports(JdbcClient jdbc, Documents documents, AuditLog audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	record Household(long tenantId, long personId, String kigo, String bango) {
	}

	Optional<Household> household(long tenantId, long rosterPersonId) {
		return jdbc.sql("select kigo, bango from roster_person where tenant_id = ? and id = ?")
			.params(tenantId, rosterPersonId)
			.query((rs, n) -> new Household(tenantId, rosterPersonId, rs.getString(1), rs.getString(2)))
			.optional();
	}

	MemberExport export(StaffActor actor, Household h) {
		return new MemberExport() {
			@Override
			public String fileName() {
				return "kaiji-" + h.kigo() + "-" + h.bango() + ".zip";
			}

			@Override
			public void writeTo(OutputStream out) throws IOException {
				write(actor, h, out);
			}
		};
	}

	private void write(StaffActor actor, Household h, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		List<Long> persons = jdbc
			.sql("select id from roster_person where tenant_id = ? and kigo = ? and bango = ? order by edaban")
			.params(h.tenantId(), h.kigo(), h.bango())
			.query(Long.class)
			.list();
		entry(zip, "README.txt", readme(actor, h).getBytes(StandardCharsets.UTF_8));
		Long accountId = account(zip, h);
		entry(zip, "roster.csv", roster(h).bytes());
		List<Long> forms = new ArrayList<>();
		for (FormRow f : forms(h)) {
			forms.add(f.id());
			String folder = "campaigns/" + f.campaignId() + "/";
			entry(zip, folder + "answers.csv", answers(h, f).bytes());
			entry(zip, folder + "decisions.csv", decisions(h, f).bytes());
		}
		List<Long> docs = documents(actor, h, zip);
		accessLog(zip, h, persons, forms, docs, accountId);
		zip.finish();
		zip.flush();
	}

	private String readme(StaffActor actor, Household h) {
		return msg("retention.export.readme", h.kigo(), h.bango(), JapanTime.formatDateTime(clock.instant()),
				actor.loginId());
	}

	private Long account(ZipOutputStream zip, Household h) throws IOException {
		CsvSheet csv = new CsvSheet().row(msg("retention.export.item"), msg("retention.export.value"));
		Long[] id = { null };
		jdbc.sql("""
				select a.id, a.user_id, a.email, a.status, a.created_at, a.last_login_at, a.previous_login_at
				  from member_account a join roster_person p on p.id = a.roster_person_id
				 where a.tenant_id = ? and p.kigo = ? and p.bango = ?""")
			.params(h.tenantId(), h.kigo(), h.bango())
			.query(rs -> {
				id[0] = rs.getLong("id");
				csv.row(msg("retention.export.account.userId"), rs.getString("user_id"));
				csv.row(msg("retention.export.account.email"), rs.getString("email"));
				csv.row(msg("retention.export.account.status"), rs.getString("status"));
				csv.row(msg("retention.export.account.createdAt"), time(rs.getTimestamp("created_at")));
				csv.row(msg("retention.export.account.lastLogin"), time(rs.getTimestamp("last_login_at")));
				csv.row(msg("retention.export.account.previousLogin"), time(rs.getTimestamp("previous_login_at")));
			});
		if (id[0] != null) {
			jdbc.sql("select version, accepted_at from member_terms_consent where account_id = ? order by version")
				.param(id[0])
				.query(rs -> {
					csv.row(msg("retention.export.account.terms", rs.getInt(1)), time(rs.getTimestamp(2)));
				});
		}
		else {
			csv.row(msg("retention.export.account.none"), "");
		}
		entry(zip, "account.csv", csv.bytes());
		return id[0];
	}

	private CsvSheet roster(Household h) {
		CsvSheet csv = new CsvSheet().row(msg("retention.export.roster.header").split(","));
		jdbc.sql("""
				select kigo, bango, edaban, relationship, name, name_kana, birth_date, gender, email, office_code,
				       office_name, living_together, qualified_on, postal_code, address1, address2, addressee, active
				  from roster_person where tenant_id = ? and kigo = ? and bango = ? order by edaban""")
			.params(h.tenantId(), h.kigo(), h.bango())
			.query(rs -> {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= 18; i++) {
					row.add(rs.getObject(i));
				}
				csv.row(row);
			});
		return csv;
	}

	private record FormRow(long id, long campaignId, String title, String status, String receipt, Timestamp submitted) {
	}

	private List<FormRow> forms(Household h) {
		return jdbc.sql("""
				select f.id, f.campaign_id, c.title, f.status, f.receipt_number, f.submitted_at
				  from survey_form f join campaign c on c.id = f.campaign_id
				 where f.tenant_id = ? and f.kigo = ? and f.bango = ? order by c.opens_at, f.id""")
			.params(h.tenantId(), h.kigo(), h.bango())
			.query((rs, n) -> new FormRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6)))
			.list();
	}

	/**
	 * One row per dependent and answered question, in the question order of the answer
	 * table, with a Japanese label per question.
	 */
	private CsvSheet answers(Household h, FormRow f) {
		CsvSheet csv = new CsvSheet();
		csv.row(msg("retention.export.campaign"), f.title());
		csv.row(msg("retention.export.formStatus"), f.status());
		csv.row(msg("retention.export.receipt"), f.receipt());
		csv.row(msg("retention.export.submittedAt"), time(f.submitted()));
		csv.row(msg("retention.export.answers.header").split(","));
		jdbc.sql("""
				select d.edaban, d.name, d.relationship, a.*
				  from survey_form_dependent d left join survey_answer a on a.dependent_id = d.id
				 where d.tenant_id = ? and d.survey_form_id = ? order by d.edaban""")
			.params(h.tenantId(), f.id())
			.query(rs -> {
				ResultSetMetaData meta = rs.getMetaData();
				for (int i = 4; i <= meta.getColumnCount(); i++) {
					String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
					Object value = rs.getObject(i);
					if (NOT_ANSWERS.contains(column) || value == null) {
						continue;
					}
					csv.row(rs.getString(1), rs.getString(2), rs.getString(3),
							messages.getMessage("retention.export.answer." + column, null, column, JA),
							answerValue(column, value));
				}
			});
		return csv;
	}

	private CsvSheet decisions(Household h, FormRow f) {
		CsvSheet csv = new CsvSheet().row(msg("retention.export.decisions.header").split(","));
		jdbc.sql("""
				select d.edaban, d.name, r.decision, r.approval, r.loss_date, r.reason, r.note, r.decided_by,
				       r.decided_at, r.approved_by
				  from review_decision r join review_case c on c.id = r.review_case_id
				  join survey_form_dependent d on d.id = r.dependent_id
				 where c.tenant_id = ? and c.survey_form_id = ? order by d.edaban""")
			.params(h.tenantId(), f.id())
			.query(rs -> {
				csv.row(rs.getString(1), rs.getString(2), code("review.decision.", rs.getString(3)),
						code("retention.export.approval.", rs.getString(4)), rs.getObject(5),
						code("review.lossReason.", rs.getString(6)), rs.getString(7), rs.getString(8),
						time(rs.getTimestamp(9)), rs.getString(10));
			});
		return csv;
	}

	/**
	 * Each document the household uploaded, opened through the document module as the
	 * exporting staff member (audited there like any staff view); one not cleared by the
	 * virus scan is listed, not included.
	 */
	private List<Long> documents(StaffActor actor, Household h, ZipOutputStream zip) throws IOException {
		CsvSheet index = new CsvSheet().row(msg("retention.export.documents.header").split(","));
		List<Long> ids = new ArrayList<>();
		for (StoredDocument doc : documents.listForStaff(h.tenantId(), h.kigo(), h.bango())) {
			ids.add(doc.id());
			String name = null;
			if (doc.clean()) {
				Optional<DocumentContent> content = documents.openForStaff(actor, doc.id(), false);
				if (content.isPresent()) {
					name = "documents/" + doc.id() + "_" + doc.downloadName();
					entry(zip, name, content.get().bytes());
				}
			}
			index.row(doc.id(), doc.slot(), doc.originalName(), doc.subjectPersonId(), time(doc.createdAt()),
					doc.scanStatus().name(), name == null ? msg("retention.export.documents.notIncluded") : name);
		}
		entry(zip, "documents/index.csv", index.bytes());
		return ids;
	}

	/**
	 * The audit entries by staff about the household's roster rows, account, forms and
	 * documents, newest first per target. Written line by line, never collected.
	 */
	private void accessLog(ZipOutputStream zip, Household h, List<Long> persons, List<Long> forms, List<Long> docs,
			Long accountId) throws IOException {
		Set<String> targets = new LinkedHashSet<>();
		persons.forEach(id -> targets.add("roster_person:" + id));
		if (accountId != null) {
			targets.add("member_account:" + accountId);
		}
		forms.forEach(id -> targets.add("survey_form:" + id));
		docs.forEach(id -> targets.add("document:" + id));
		zip.putNextEntry(new ZipEntry("access_log.csv"));
		Writer writer = new OutputStreamWriter(new FilterOutputStream(zip) {
			@Override
			public void close() throws IOException {
				flush(); // the ZIP stays open for the next entry
			}
		}, StandardCharsets.UTF_8);
		writer.write(CsvSheet.BOM);
		writer.write(CsvSheet.line(List.of(msg("retention.export.access.header").split(","))));
		IOException[] failed = { null };
		for (String target : targets) {
			audit.forEach(new AuditLog.Query(h.tenantId(), null, null, null, target, 0), e -> {
				if (failed[0] != null || !StaffActor.KIND.equals(e.actorKind())) {
					return;
				}
				try {
					writer.write(CsvSheet.line(List.of(time(e.at()), label(e.type()), e.actorId(),
							e.actorRole() == null ? "" : e.actorRole(), e.target(), e.ip() == null ? "" : e.ip(),
							e.details().toString())));
				}
				catch (IOException ex) {
					failed[0] = ex;
				}
			});
			if (failed[0] != null) {
				throw failed[0];
			}
		}
		writer.close();
		zip.closeEntry();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	/**
	 * A stored answer as the member reads it: codes by their labels (a list of codes,
	 * such as the occupations, one by one), yes/no in words, the rest as stored.
	 */
	private String answerValue(String column, Object value) {
		if (value instanceof Boolean yes) {
			return msg(yes ? "retention.export.yes" : "retention.export.no");
		}
		String prefix = CODE_LABELS.get(column);
		if (prefix == null) {
			return value.toString();
		}
		List<String> labels = new ArrayList<>();
		for (String code : value.toString().split(",")) {
			labels.add(code(prefix, code.strip()));
		}
		return String.join("、", labels);
	}

	/** The label of a code, or the code itself when it has none. */
	private String code(String prefix, String code) {
		return code == null ? "" : messages.getMessage(prefix + code, null, code, JA);
	}

	private String label(String type) {
		return messages.getMessage("audit.type." + type, null, type, JA);
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, JA);
	}

	private static String time(Timestamp t) {
		return t == null ? "" : JapanTime.formatDateTime(t.toInstant());
	}

	private static String time(Instant t) {
		return t == null ? "" : JapanTime.formatDateTime(t);
	}

}
