package jp.kennin.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.platform.JapanTime;
import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.MemberSubsidies;
import jp.kennin.subsidy.SubsidyClaimStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staff side's reads and writes of {@code subsidy_claim} and
 * {@code subsidy_claim_event}: the queue with its duplicate flags, one claim with its
 * person, the duplicates, and the guarded status changes (by version and status, so a
 * stale decision changes nothing).
 */
@Repository
class ClaimReviewRepository {

	/**
	 * The statuses that do not count against a person's doses and cap (drafts: not sent
	 * yet).
	 */
	private static final String COUNTING = "('REJECTED', 'WITHDRAWN', 'DRAFT')";

	/** Another counting claim of the same person with the same shot date. */
	private static final String DUP_PERSON = """
			exists (select 1 from subsidy_claim o where o.tenant_id = c.tenant_id and o.person_id = c.person_id
			  and o.shot_date = c.shot_date and o.id <> c.id and o.status not in %s)""".formatted(COUNTING);

	/**
	 * Another claim (not withdrawn) of the insurer with a receipt file of the same
	 * SHA-256.
	 */
	private static final String DUP_RECEIPT = """
			exists (select 1 from uploaded_document d
			  join uploaded_document od on od.tenant_id = d.tenant_id and od.sha256 = d.sha256 and od.slot <> d.slot
			    and od.deleted_at is null and od.slot like 'subsidy-receipt:%'
			  join subsidy_claim oc on oc.tenant_id = od.tenant_id and od.slot = concat('subsidy-receipt:', oc.id)
			    and oc.status not in ('WITHDRAWN', 'DRAFT')
			  where d.tenant_id = c.tenant_id and d.slot = concat('subsidy-receipt:', c.id) and d.deleted_at is null)""";

	private static final String RECEIPTS = """
			(select count(*) from uploaded_document r where r.tenant_id = c.tenant_id
			  and r.owner_key = concat(c.kigo, ':', c.bango) and r.slot = concat('subsidy-receipt:', c.id)
			  and r.deleted_at is null and r.scan_status = 'CLEAN')""";

	private static final String CLAIM_COLUMNS = """
			c.id, c.receipt_number, c.fiscal_year, c.member_account_id, c.kigo, c.bango, c.person_id, c.dose,
			c.shot_date, c.clinic, c.paid_yen, c.aid_yen, c.combined_receipt, c.combined_note, c.amount_yen, c.status,
			c.decision_reason, c.submitted_at, c.version,
			p.name as person_name, p.birth_date as person_birth, p.insured as person_insured,
			p.relationship as person_relationship, ins.office_code, ins.office_name,
			case when %s then 1 else 0 end as dup_person, case when %s then 1 else 0 end as dup_receipt,
			%s as receipts""".formatted(DUP_PERSON, DUP_RECEIPT, RECEIPTS);

	private static final String FROM = """
			from subsidy_claim c
			join roster_person p on p.id = c.person_id and p.tenant_id = c.tenant_id
			left join roster_person ins on ins.tenant_id = c.tenant_id and ins.kigo = c.kigo and ins.bango = c.bango
			  and ins.edaban = '00'""";

	private final JdbcClient jdbc;

	ClaimReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claim as the staff side reads it, with its person and duplicate flags. */
	record ClaimRow(long id, String receiptNumber, int fiscalYear, long memberAccountId, String kigo, String bango,
			long personId, int dose, LocalDate shotDate, String clinic, int paidYen, int aidYen,
			boolean combinedReceipt, String combinedNote, int amountYen, SubsidyClaimStatus status,
			String decisionReason, Instant submittedAt, int version, String personName, LocalDate personBirth,
			boolean personInsured, String personRelationship, String officeCode, String officeName,
			boolean duplicatePerson, boolean duplicateReceipt, int receipts) {

		LocalDate submittedOn() {
			return JapanTime.of(submittedAt).toLocalDate();
		}

	}

	/** A counting claim of a person, for the recomputed assessment. */
	record PersonClaim(long id, long personId, int fiscalYear, int dose, LocalDate shotDate, int amountYen) {
	}

	Optional<ClaimRow> find(long tenantId, long id) {
		return jdbc
			.sql("select " + CLAIM_COLUMNS + " " + FROM + " where c.tenant_id = ? and c.id = ? and c.status <> 'DRAFT'")
			.params(tenantId, id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** One page (one row more than {@code size} tells whether a next page exists). */
	List<ClaimRow> page(long tenantId, ClaimReview.Filter filter, ClaimReview.After after, int size) {
		StringBuilder sql = new StringBuilder(
				"select " + CLAIM_COLUMNS + " " + FROM + " where c.tenant_id = :tenant and c.status <> 'DRAFT'");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("tenant", tenantId);
		if (filter.status() != null) {
			sql.append(" and c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.office() != null) {
			sql.append(" and ins.office_code = :office");
			params.put("office", filter.office());
		}
		if (filter.amountFrom() != null) {
			sql.append(" and c.amount_yen >= :amountFrom");
			params.put("amountFrom", filter.amountFrom());
		}
		if (filter.amountTo() != null) {
			sql.append(" and c.amount_yen <= :amountTo");
			params.put("amountTo", filter.amountTo());
		}
		if (filter.submittedFrom() != null) {
			sql.append(" and c.submitted_at >= :submittedFrom");
			params.put("submittedFrom", startOf(filter.submittedFrom()));
		}
		if (filter.submittedTo() != null) {
			sql.append(" and c.submitted_at < :submittedTo");
			params.put("submittedTo", startOf(filter.submittedTo().plusDays(1)));
		}
		if (filter.fiscalYear() != null) {
			sql.append(" and c.fiscal_year = :year");
			params.put("year", filter.fiscalYear());
		}
		if (after != null) {
			sql.append(" and (c.submitted_at > :afterAt or (c.submitted_at = :afterAt and c.id > :afterId))");
			params.put("afterAt", Timestamp.from(after.submittedAt()));
			params.put("afterId", after.claimId());
		}
		sql.append(" order by c.submitted_at, c.id fetch first ").append(size + 1).append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
	}

	/** The offices of the households that have claims, by code. */
	Map<String, String> offices(long tenantId) {
		Map<String, String> out = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select distinct ins.office_code, ins.office_name from subsidy_claim c
						join roster_person ins on ins.tenant_id = c.tenant_id and ins.kigo = c.kigo and ins.bango = c.bango
						  and ins.edaban = '00'
						where c.tenant_id = ? and c.status <> 'DRAFT' and ins.office_code is not null order by ins.office_code""")
			.param(tenantId)
			.query((rs, n) -> out.putIfAbsent(rs.getString(1), rs.getString(2)))
			.list();
		return out;
	}

	List<Integer> years(long tenantId) {
		return jdbc.sql("""
				select distinct fiscal_year from subsidy_claim where tenant_id = ? and status <> 'DRAFT'
				order by fiscal_year desc""").param(tenantId).query(Integer.class).list();
	}

	/** The counting claims of these people (all fiscal years; the caller picks). */
	List<PersonClaim> countingClaims(long tenantId, Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, person_id, fiscal_year, dose, shot_date, amount_yen from subsidy_claim
				where tenant_id = :tenant and person_id in (:people) and status not in %s""".formatted(COUNTING))
			.param("tenant", tenantId)
			.param("people", personIds)
			.query((rs, n) -> new PersonClaim(rs.getLong("id"), rs.getLong("person_id"), rs.getInt("fiscal_year"),
					rs.getInt("dose"), rs.getDate("shot_date").toLocalDate(), rs.getInt("amount_yen")))
			.list();
	}

	List<ClaimReview.Duplicate> samePersonAndDate(long tenantId, ClaimRow claim) {
		return duplicates("""
				select o.id, o.receipt_number, p.name, o.shot_date, o.status from subsidy_claim o
				join roster_person p on p.id = o.person_id
				where o.tenant_id = ? and o.person_id = ? and o.shot_date = ? and o.id <> ? and o.status not in %s
				order by o.id""".formatted(COUNTING), tenantId, claim.personId(), claim.shotDate(), claim.id());
	}

	List<ClaimReview.Duplicate> sameReceiptFile(long tenantId, ClaimRow claim) {
		return duplicates("""
				select distinct oc.id, oc.receipt_number, p.name, oc.shot_date, oc.status from uploaded_document d
				join uploaded_document od on od.tenant_id = d.tenant_id and od.sha256 = d.sha256 and od.slot <> d.slot
				  and od.deleted_at is null and od.slot like 'subsidy-receipt:%'
				join subsidy_claim oc on oc.tenant_id = od.tenant_id and od.slot = concat('subsidy-receipt:', oc.id)
				  and oc.status not in ('WITHDRAWN', 'DRAFT')
				join roster_person p on p.id = oc.person_id
				where d.tenant_id = ? and d.slot = ? and d.deleted_at is null
				order by oc.id""", tenantId, MemberSubsidies.RECEIPT_SLOT + claim.id());
	}

	private List<ClaimReview.Duplicate> duplicates(String sql, Object... params) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new ClaimReview.Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), SubsidyClaimStatus.valueOf(rs.getString(5))))
			.list();
	}

	List<ClaimReview.Event> events(long tenantId, long claimId) {
		return jdbc.sql("""
				select e.status, e.reason, e.actor_kind, coalesce(s.login_id, cast(e.actor_id as varchar(20))),
				  e.created_at
				from subsidy_claim_event e left join staff_account s on e.actor_kind = 'STAFF' and s.id = e.actor_id
				where e.tenant_id = ? and e.claim_id = ? order by e.id""")
			.params(tenantId, claimId)
			.query((rs, n) -> new ClaimReview.Event(SubsidyClaimStatus.valueOf(rs.getString(1)), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** SUBMITTED → IN_REVIEW; false if the claim was not SUBMITTED any more. */
	boolean startReview(long tenantId, long claimId, String loginId, Instant now) {
		int updated = jdbc.sql("""
				update subsidy_claim set status = 'IN_REVIEW', updated_at = ?, version = version + 1
				where tenant_id = ? and id = ? and status = 'SUBMITTED'""")
			.params(Timestamp.from(now), tenantId, claimId)
			.update();
		if (updated == 1) {
			event(tenantId, claimId, SubsidyClaimStatus.IN_REVIEW, null, null, null, loginId, now);
		}
		return updated == 1;
	}

	/**
	 * Writes a decision if the claim still has the version and one of the statuses; false
	 * otherwise (nothing written).
	 */
	boolean decide(long tenantId, long claimId, int version, Collection<SubsidyClaimStatus> from, SubsidyClaimStatus to,
			int amountYen, String reason, String loginId, Instant now) {
		int updated = jdbc.sql("""
				update subsidy_claim set status = :to, amount_yen = :amount, decision_reason = :reason,
				  decided_by = (select id from staff_account where login_id = :login and tenant_id = :tenant),
				  decided_at = :now, updated_at = :now, version = version + 1
				where tenant_id = :tenant and id = :id and version = :version and status in (:from)""")
			.param("to", to.name())
			.param("amount", amountYen)
			.param("reason", reason)
			.param("login", loginId)
			.param("now", Timestamp.from(now))
			.param("tenant", tenantId)
			.param("id", claimId)
			.param("version", version)
			.param("from", from.stream().map(Enum::name).toList())
			.update();
		return updated == 1;
	}

	void event(long tenantId, long claimId, SubsidyClaimStatus status, String reason, String reasonCode,
			String checklist, String loginId, Instant now) {
		jdbc.sql("""
				insert into subsidy_claim_event (tenant_id, claim_id, status, reason, reason_code, checklist,
				  actor_kind, actor_id, created_at)
				values (:tenant, :claim, :status, :reason, :code, :checklist, 'STAFF',
				  (select id from staff_account where login_id = :login and tenant_id = :tenant), :now)""")
			.param("tenant", tenantId)
			.param("claim", claimId)
			.param("status", status.name())
			.param("reason", reason)
			.param("code", reasonCode)
			.param("checklist", checklist)
			.param("login", loginId)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static Timestamp startOf(LocalDate date) {
		return Timestamp.from(date.atStartOfDay(JapanTime.ZONE).toInstant());
	}

	private static ClaimRow row(ResultSet rs) throws SQLException {
		return new ClaimRow(rs.getLong("id"), rs.getString("receipt_number"), rs.getInt("fiscal_year"),
				rs.getLong("member_account_id"), rs.getString("kigo"), rs.getString("bango"), rs.getLong("person_id"),
				rs.getInt("dose"), rs.getDate("shot_date").toLocalDate(), rs.getString("clinic"), rs.getInt("paid_yen"),
				rs.getInt("aid_yen"), rs.getBoolean("combined_receipt"), rs.getString("combined_note"),
				rs.getInt("amount_yen"), SubsidyClaimStatus.valueOf(rs.getString("status")),
				rs.getString("decision_reason"), rs.getTimestamp("submitted_at").toInstant(), rs.getInt("version"),
				rs.getString("person_name"), rs.getDate("person_birth").toLocalDate(), rs.getBoolean("person_insured"),
				rs.getString("person_relationship"), rs.getString("office_code"), rs.getString("office_name"),
				rs.getInt("dup_person") == 1, rs.getInt("dup_receipt") == 1, rs.getInt("receipts"));
	}

}
