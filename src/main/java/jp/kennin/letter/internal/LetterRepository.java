package jp.kennin.letter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jp.kennin.letter.LetterCounts;
import jp.kennin.letter.LetterKind;
import jp.kennin.letter.LetterSelection;
import jp.kennin.letter.ReturnAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The households behind the letters, read with one query from the campaign's forms, the
 * insured person's roster row (name and postal columns), the member accounts and the
 * letter list; and the insurer's letter texts and return address.
 */
@Repository
class LetterRepository {

	/** Rows fetched from the database at a time while a batch is printed. */
	private static final int FETCH = 500;

	/** Forms not handed in: nothing submitted (未作成, 作成中). */
	static final String OPEN_STATUSES = "('NOT_STARTED', 'IN_PROGRESS')";

	/**
	 * The latest time the household was put on the letter list (null if never). A
	 * subquery rather than a join so that several rows per household (other letter kinds)
	 * cannot duplicate a letter.
	 */
	private static final String LISTED_AT = "(select max(l.created_at) from campaign_letter l where l.tenant_id = f.tenant_id "
			+ "and l.campaign_id = f.campaign_id and l.kigo = f.kigo and l.bango = f.bango)";

	private final JdbcClient jdbc;

	LetterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(long tenantId, long campaignId, LetterSelection selection, Set<String> scope) {
		Map<String, Object> p = new HashMap<>();
		String where = where(tenantId, campaignId, selection, scope, p);
		return jdbc.sql("select count(*) from survey_form f where " + where).params(p).query(Long.class).single();
	}

	/**
	 * Hands each selected household to {@code each}, in 事業所, 記号, 番号 order, fetched in
	 * batches so that the rows never sit in memory all at once.
	 */
	void each(long tenantId, long campaignId, LetterSelection selection, Set<String> scope,
			Consumer<LetterHousehold> each) {
		Map<String, Object> p = new HashMap<>();
		String where = where(tenantId, campaignId, selection, scope, p);
		try (Stream<LetterHousehold> rows = jdbc
			.sql("""
					select f.kigo, f.bango, h.name, h.addressee, h.postal_code, h.address1, h.address2,
					  case when exists (select 1 from member_account a where a.tenant_id = f.tenant_id
					    and a.roster_person_id = f.insured_person_id and a.status = 'ACTIVE') then 1 else 0 end as has_account
					from survey_form f join roster_person h on h.id = f.insured_person_id and h.tenant_id = f.tenant_id"""
					+ " where " + where + " order by f.office_code, f.kigo, f.bango")
			.params(p)
			.withFetchSize(FETCH)
			.query((rs, n) -> new LetterHousehold(rs.getString("kigo"), rs.getString("bango"), rs.getString("name"),
					rs.getString("addressee"), rs.getString("postal_code"), rs.getString("address1"),
					rs.getString("address2"), rs.getInt("has_account") == 1))
			.stream()) {
			rows.forEach(each);
		}
	}

	LetterCounts counts(long tenantId, long campaignId, String campaignTitle, Set<String> scope) {
		Map<String, Object> p = new HashMap<>();
		p.put("tenant", tenantId);
		p.put("campaign", campaignId);
		String scoped = "";
		if (scope != null) {
			scoped = scope.isEmpty() ? " and 1 = 0" : " and f.office_code in (:scope)";
			p.put("scope", scope.isEmpty() ? List.of("") : scope);
		}
		Map<String, LetterCounts.Office> offices = new LinkedHashMap<>();
		long[] totals = new long[4];
		jdbc.sql("select f.office_code, max(f.office_name) as office_name, count(*) as households, "
				+ "coalesce(sum(case when " + LISTED_AT + " is not null then 1 else 0 end), 0) as listed, "
				+ "coalesce(sum(case when " + LISTED_AT + " is not null and " + answeredSince(LISTED_AT)
				+ " then 1 else 0 end), 0) as listed_answered, " + "coalesce(sum(case when f.status in " + OPEN_STATUSES
				+ " then 1 else 0 end), 0) as open_forms "
				+ "from survey_form f where f.tenant_id = :tenant and f.campaign_id = :campaign" + scoped
				+ " group by f.office_code order by f.office_code")
			.params(p)
			.query(rs -> {
				String code = rs.getString("office_code");
				offices.put(code == null ? "" : code, new LetterCounts.Office(code, rs.getString("office_name"),
						rs.getLong("listed"), rs.getLong("open_forms"), rs.getLong("households")));
				totals[0] += rs.getLong("listed");
				totals[1] += rs.getLong("listed_answered");
				totals[2] += rs.getLong("open_forms");
				totals[3] += rs.getLong("households");
			});
		return new LetterCounts(campaignId, campaignTitle, totals[0], totals[1], totals[2], totals[3],
				new ArrayList<>(offices.values()));
	}

	/** Handed in (not 未作成 or 作成中) at or after {@code since}. */
	private static String answeredSince(String since) {
		return "(f.status not in " + OPEN_STATUSES + " and f.submitted_at is not null and f.submitted_at >= " + since
				+ ")";
	}

	private static String where(long tenantId, long campaignId, LetterSelection s, Set<String> scope,
			Map<String, Object> p) {
		p.put("tenant", tenantId);
		p.put("campaign", campaignId);
		StringBuilder where = new StringBuilder("f.tenant_id = :tenant and f.campaign_id = :campaign");
		switch (s.source()) {
			case LETTER_LIST -> where.append(" and ").append(LISTED_AT).append(" is not null");
			case NON_RESPONDERS -> where.append(" and f.status in ").append(OPEN_STATUSES);
			case ALL -> {
			}
		}
		if (s.officeCode() != null) {
			where.append(" and f.office_code = :office");
			p.put("office", s.officeCode());
		}
		if (scope != null) {
			// An actor limited to offices never sees another office, whatever was asked.
			where.append(scope.isEmpty() ? " and 1 = 0" : " and f.office_code in (:scope)");
			p.put("scope", scope.isEmpty() ? List.of("") : scope);
		}
		if (s.excludeAnswered()) {
			// The list was made when the household was put on the letter list, or else
			// when the campaign's forms were made at opening.
			where.append(" and not ").append(answeredSince("coalesce(" + LISTED_AT + ", f.created_at)"));
		}
		return where.toString();
	}

	Optional<String[]> texts(long tenantId, LetterKind kind) {
		return jdbc.sql("select title, body from letter_text where tenant_id = ? and kind = ?")
			.params(tenantId, kind.name())
			.query((rs, n) -> new String[] { rs.getString("title"), rs.getString("body") })
			.optional();
	}

	void saveTexts(long tenantId, LetterKind kind, String title, String body, Instant now) {
		int updated = jdbc
			.sql("update letter_text set title = ?, body = ?, updated_at = ? where tenant_id = ? and kind = ?")
			.params(title, body, Timestamp.from(now), tenantId, kind.name())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into letter_text (tenant_id, kind, title, body, updated_at) values (?, ?, ?, ?, ?)")
				.params(tenantId, kind.name(), title, body, Timestamp.from(now))
				.update();
		}
	}

	void deleteTexts(long tenantId, LetterKind kind) {
		jdbc.sql("delete from letter_text where tenant_id = ? and kind = ?").params(tenantId, kind.name()).update();
	}

	ReturnAddress returnAddress(long tenantId) {
		return jdbc.sql("select postal_code, address from letter_setting where tenant_id = ?")
			.param(tenantId)
			.query((rs, n) -> new ReturnAddress(rs.getString("postal_code"), rs.getString("address")))
			.optional()
			.orElse(ReturnAddress.none());
	}

	void saveReturnAddress(long tenantId, ReturnAddress address, Instant now) {
		int updated = jdbc
			.sql("update letter_setting set postal_code = ?, address = ?, updated_at = ? where tenant_id = ?")
			.params(address.postalCode(), address.address(), Timestamp.from(now), tenantId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into letter_setting (tenant_id, postal_code, address, updated_at) values (?, ?, ?, ?)")
				.params(tenantId, address.postalCode(), address.address(), Timestamp.from(now))
				.update();
		}
	}

}
