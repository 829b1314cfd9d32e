package jp.kennin.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.kennin.subsidy.SubsidyPayments.HeldClaim;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approved claims held out of the payment batches
 * ({@code subsidy_claim.payment_held_at}): taking them out of an open batch, listing and
 * releasing them. Every statement is scoped to the tenant.
 */
@Repository
class PaymentHoldRepository {

	private static final String HELD = """
			select c.id, c.receipt_number, c.kigo, c.bango, p.name as person_name, c.amount_yen, c.payment_held_at,
			  c.payment_held_by
			from subsidy_claim c
			join roster_person p on p.id = c.person_id and p.tenant_id = c.tenant_id
			where c.tenant_id = ? and c.status = 'APPROVED' and c.payment_held_at is not null""";

	private final JdbcClient jdbc;

	PaymentHoldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the batch's next change: its version moves on if it is still OPEN at the
	 * version the page showed.
	 * @return false when the batch was locked or changed since
	 */
	boolean claimVersion(long tenantId, long batchId, int version) {
		return jdbc.sql("""
				update subsidy_payment_batch set version = version + 1
				where tenant_id = ? and id = ? and status = 'OPEN' and version = ?""")
			.params(tenantId, batchId, version)
			.update() == 1;
	}

	/**
	 * Takes the claims out of the batch and holds them (the caller counts the batch
	 * again).
	 * @return how many were taken (claims of another batch are left alone)
	 */
	int hold(long tenantId, long batchId, Collection<Long> claimIds, String by, Instant now) {
		if (claimIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update subsidy_claim set batch_id = null, payment_held_at = :now, payment_held_by = :by
				where tenant_id = :tenant and batch_id = :batch and id in (:ids)""")
			.paramSource(new MapSqlParameterSource().addValue("now", Timestamp.from(now))
				.addValue("by", by)
				.addValue("tenant", tenantId)
				.addValue("batch", batchId)
				.addValue("ids", claimIds))
			.update();
	}

	/** The held claims of a fiscal year, oldest hold first. */
	List<HeldClaim> held(long tenantId, int fiscalYear) {
		return jdbc.sql(HELD + " and c.fiscal_year = ? order by c.payment_held_at, c.id")
			.params(tenantId, fiscalYear)
			.query((rs, n) -> held(rs))
			.list();
	}

	/** The claim's hold, if it is held. */
	Optional<HeldClaim> find(long tenantId, long claimId) {
		return jdbc.sql(HELD + " and c.id = ?").params(tenantId, claimId).query((rs, n) -> held(rs)).optional();
	}

	private static HeldClaim held(ResultSet rs) throws SQLException {
		return new HeldClaim(rs.getLong("id"), rs.getString("receipt_number"), rs.getString("kigo"),
				rs.getString("bango"), rs.getString("person_name"), rs.getInt("amount_yen"),
				rs.getTimestamp("payment_held_at").toInstant(), rs.getString("payment_held_by"));
	}

	/**
	 * Ends a claim's hold: it waits for the next batch again.
	 * @return the claim's receipt number, or null when it was not held
	 */
	String release(long tenantId, long claimId) {
		String receipt = jdbc.sql("""
				select receipt_number from subsidy_claim
				where tenant_id = ? and id = ? and status = 'APPROVED' and payment_held_at is not null
				for update""").params(tenantId, claimId).query(String.class).optional().orElse(null);
		if (receipt != null) {
			jdbc.sql(
					"update subsidy_claim set payment_held_at = null, payment_held_by = null where tenant_id = ? and id = ?")
				.params(tenantId, claimId)
				.update();
		}
		return receipt;
	}

}
