package jp.kennin.retention.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deletes of one retention run for one insurer, in the caller's transaction. Stored
 * files are not touched here: their keys go to {@code retention_file_tombstone} in the
 * same transaction, and {@link FileTombstones} deletes them once it has committed.
 * Everything is scoped by the tenant, and every step finds its rows again from the
 * database, so a run that was rolled back is simply done again.
 */
@Component
class RetentionPurge {

	/** Rows per {@code in (…)} list, well below any database's parameter limit. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	RetentionPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What one run deleted for one insurer. */
	record Counts(int documents, int files, int households, int persons, int accounts, int forms, int mails) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

		Counts plus(Counts o) {
			return new Counts(documents + o.documents, files + o.files, households + o.households, persons + o.persons,
					accounts + o.accounts, forms + o.forms, mails + o.mails);
		}

	}

	record Household(String kigo, String bango) {
	}

	/**
	 * Survey documents whose campaign was completed at or before {@code cutoff}. A
	 * document belongs to the household's campaign that opened last before it was
	 * uploaded (documents are kept per household, not per form); documents of a later
	 * campaign, or uploaded before any, are kept.
	 */
	Counts expiredDocuments(long tenantId, Instant cutoff, Instant now) {
		// From the campaigns past the period to their forms, then to the documents by
		// the owner index (tenant, 記号:番号): the work grows with the forms concerned,
		// not with every document times every form.
		List<Long> ids = jdbc.sql("""
				select distinct d.id from campaign c
				  join survey_form f on f.campaign_id = c.id and f.tenant_id = c.tenant_id
				  join uploaded_document d on d.tenant_id = f.tenant_id and d.owner_key = f.kigo || ':' || f.bango
				 where c.tenant_id = :tenant and c.status = 'COMPLETED' and c.completed_at <= :cutoff
				   and c.opened_at <= d.created_at
				   and not exists (select 1 from survey_form f2 join campaign c2 on c2.id = f2.campaign_id
				                    where f2.tenant_id = f.tenant_id and f2.kigo = f.kigo and f2.bango = f.bango
				                      and c2.opened_at <= d.created_at and c2.opened_at > c.opened_at)
				 order by d.id""")
			.param("tenant", tenantId)
			.param("cutoff", Timestamp.from(cutoff))
			.query(Long.class)
			.list();
		return deleteDocuments(tenantId, ids, now);
	}

	/**
	 * Households of whom every roster row is inactive (gone from the roster) since
	 * {@code cutoff} or earlier, leaving out any with a form in a campaign not completed
	 * yet (its review and results still need them).
	 */
	List<Household> expiredHouseholds(long tenantId, Instant cutoff) {
		return jdbc.sql("""
				select h.kigo, h.bango from (
				    select kigo, bango from roster_person where tenant_id = :tenant group by kigo, bango
				    having max(case when active then 1 else 0 end) = 0 and max(updated_at) <= :cutoff) h
				 where not exists (select 1 from survey_form f join campaign c on c.id = f.campaign_id
				                    where f.tenant_id = :tenant and f.kigo = h.kigo and f.bango = h.bango
				                      and c.status <> 'COMPLETED')
				 order by h.kigo, h.bango""")
			.param("tenant", tenantId)
			.param("cutoff", Timestamp.from(cutoff))
			.query((rs, n) -> new Household(rs.getString(1), rs.getString(2)))
			.list();
	}

	/**
	 * Deletes everything Kennin holds about the households except the audit log: their
	 * survey forms with answers, answer snapshots, document choices, returns, history and
	 * reviews (decisions, checks, income entries, memo), their documents, their
	 * invitation and reminder journal, their campaign exclusions, their influenza subsidy
	 * claims, their mails already sent or failed, the member accounts (with codes, reset
	 * links and terms consents) and their roster rows. Households go in batches (the
	 * caller's), so that each statement and each foreign key check covers many at once.
	 */
	Counts purgeHouseholds(long tenantId, List<Household> households, Instant now) {
		if (households.isEmpty()) {
			return Counts.NONE;
		}
		List<Object[]> keys = households.stream().map(h -> new Object[] { h.kigo(), h.bango() }).toList();
		List<Long> persons = jdbc
			.sql("select id from roster_person where tenant_id = :tenant and (kigo, bango) in (:households)")
			.param("tenant", tenantId)
			.param("households", keys)
			.query(Long.class)
			.list();
		List<Long> forms = jdbc
			.sql("select id from survey_form where tenant_id = :tenant and (kigo, bango) in (:households)")
			.param("tenant", tenantId)
			.param("households", keys)
			.query(Long.class)
			.list();
		List<Long> documents = jdbc
			.sql("select id from uploaded_document where tenant_id = :tenant and owner_key in (:owners) order by id")
			.param("tenant", tenantId)
			.param("owners", households.stream().map(h -> h.kigo() + ":" + h.bango()).toList())
			.query(Long.class)
			.list();
		Counts docs = deleteDocuments(tenantId, documents, now);
		if (!forms.isEmpty()) {
			deleteForms(tenantId, forms);
		}
		for (String table : List.of("campaign_letter", "outreach_journal", "campaign_exclusion")) {
			jdbc.sql("delete from " + table + " where tenant_id = :tenant and (kigo, bango) in (:households)")
				.param("tenant", tenantId)
				.param("households", keys)
				.update();
		}
		// Influenza subsidy claims and their history (the receipts went with the
		// documents; the payee account goes with the member account).
		jdbc.sql("""
				delete from subsidy_claim_event where tenant_id = :tenant and claim_id in
				  (select id from subsidy_claim where tenant_id = :tenant and (kigo, bango) in (:households))""")
			.param("tenant", tenantId)
			.param("households", keys)
			.update();
		jdbc.sql("delete from subsidy_claim where tenant_id = :tenant and (kigo, bango) in (:households)")
			.param("tenant", tenantId)
			.param("households", keys)
			.update();
		int mails = deleteMails(tenantId, persons);
		int accounts = byIds("delete from member_account where tenant_id = :tenant and roster_person_id in (:ids)",
				tenantId, persons);
		int deleted = byIds("delete from roster_person where tenant_id = :tenant and id in (:ids)", tenantId, persons);
		return new Counts(docs.documents(), docs.files(), households.size(), deleted, accounts, forms.size(), mails);
	}

	private void deleteForms(long tenantId, List<Long> forms) {
		List<Long> cases = jdbc
			.sql("select id from review_case where tenant_id = :tenant and survey_form_id in (:forms)")
			.param("tenant", tenantId)
			.param("forms", forms)
			.query(Long.class)
			.list();
		if (!cases.isEmpty()) {
			for (String table : List.of("review_document_check", "review_income_entry", "review_decision",
					"review_event")) {
				byIds("delete from " + table + " where tenant_id = :tenant and review_case_id in (:ids)", tenantId,
						cases);
			}
			byIds("delete from review_case where tenant_id = :tenant and id in (:ids)", tenantId, cases);
		}
		// Children first: every one of these references survey_form or its dependents.
		for (String table : List.of("review_document_check", "survey_answer_snapshot", "survey_answer",
				"survey_document_choice", "survey_return_part", "survey_form_event", "survey_form_dependent")) {
			byIds("delete from " + table + " where tenant_id = :tenant and survey_form_id in (:ids)", tenantId, forms);
		}
		byIds("delete from survey_form where tenant_id = :tenant and id in (:ids)", tenantId, forms);
	}

	/**
	 * Mails to the households' addresses (roster and account) that were sent or failed:
	 * their bodies carry names and codes. A mail still waiting is left to the outbox.
	 */
	private int deleteMails(long tenantId, List<Long> persons) {
		Set<String> addresses = new LinkedHashSet<>();
		for (List<Long> chunk : chunks(persons)) {
			addresses.addAll(jdbc.sql("""
					select email from roster_person where tenant_id = :tenant and id in (:ids) and email is not null
					union
					select email from member_account where tenant_id = :tenant and roster_person_id in (:ids)""")
				.param("tenant", tenantId)
				.param("ids", chunk)
				.query(String.class)
				.list());
		}
		int mails = 0;
		List<String> all = new ArrayList<>(addresses);
		for (int i = 0; i < all.size(); i += CHUNK) {
			List<String> to = all.subList(i, Math.min(all.size(), i + CHUNK));
			mails += jdbc.sql(
					"delete from mail_outbox where tenant_id = :tenant and status <> 'PENDING' and to_address in (:to)")
				.param("tenant", tenantId)
				.param("to", to)
				.update();
			jdbc.sql("delete from mail_bounce where tenant_id = :tenant and address in (:to)")
				.param("tenant", tenantId)
				.param("to", to)
				.update();
		}
		return mails;
	}

	/**
	 * Lists the documents' stored files (content and preview) as tombstones, then deletes
	 * the review checks pointing at them and the rows themselves. Rows a member deleted
	 * earlier (marked deleted, bytes already gone) go too; their keys are listed again,
	 * which costs one delete of a missing file.
	 */
	private Counts deleteDocuments(long tenantId, List<Long> ids, Instant now) {
		int documents = 0;
		int files = 0;
		for (List<Long> chunk : chunks(ids)) {
			files += jdbc
				.sql("""
						insert into retention_file_tombstone (tenant_id, storage_key, created_at)
						select tenant_id, storage_key, cast(:now as timestamp with time zone) from uploaded_document where tenant_id = :tenant and id in (:ids)
						union all
						select tenant_id, thumbnail_key, cast(:now as timestamp with time zone) from uploaded_document
						 where tenant_id = :tenant and id in (:ids) and thumbnail_key is not null""")
				.param("now", Timestamp.from(now))
				.param("tenant", tenantId)
				.param("ids", chunk)
				.update();
			byIds("delete from review_document_check where tenant_id = :tenant and document_id in (:ids)", tenantId,
					chunk);
			documents += byIds("delete from uploaded_document where tenant_id = :tenant and id in (:ids)", tenantId,
					chunk);
		}
		return new Counts(documents, files, 0, 0, 0, 0, 0);
	}

	private int byIds(String sql, long tenantId, List<Long> ids) {
		int n = 0;
		for (List<Long> chunk : chunks(ids)) {
			n += jdbc.sql(sql).param("tenant", tenantId).param("ids", chunk).update();
		}
		return n;
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> out = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
		}
		return out;
	}

}
