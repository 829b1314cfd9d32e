package jp.kennin.roster.internal;

import java.sql.Timestamp;

import javax.sql.DataSource;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.Mode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of an import into a roster that already has people: a temporary table private
 * to the importing transaction, loaded by a {@link RowWriter}, then counted against
 * {@code roster_person} and merged into it with single set-based statements, so memory
 * stays flat however big the file. (A first load into an empty roster needs neither: its
 * rows go straight into {@code roster_person}.) Must be used inside a transaction.
 */
final class RosterStage {

	private static final String DDL = """
			roster_stage (kigo varchar(8) not null, bango varchar(10) not null,
			  edaban varchar(2) not null, insured boolean not null, relationship varchar(20), relationship_category varchar(20),
			  name varchar(100) not null, name_kana varchar(100) not null, name_kana_key varchar(100) not null,
			  birth_date date not null, gender varchar(1), email varchar(254), office_code varchar(20),
			  office_name varchar(100), living_together boolean, qualified_on date, postal_code varchar(8),
			  address1 varchar(100), address2 varchar(100), addressee varchar(100))""";

	/**
	 * The staged row's columns, {@code s.kigo, s.bango, …}, in
	 * {@link RowWriter#ROW_COLUMNS} order.
	 */
	private static final String STAGED = RowWriter.ROW_COLUMNS.replaceAll("(\\w+)", "s.$1");

	private static final String KEY = "p.kigo = s.kigo and p.bango = s.bango and p.edaban = s.edaban";

	private static final String POSTAL_DIFFERS = """
			or p.postal_code is distinct from s.postal_code or p.address1 is distinct from s.address1
			 or p.address2 is distinct from s.address2 or p.addressee is distinct from s.addressee""";

	private static final String POSTAL_SET = "postal_code = s.postal_code, address1 = s.address1, "
			+ "address2 = s.address2, addressee = s.addressee, ";

	private static final String DIFFERS_BASE = """
			p.insured <> s.insured or p.relationship is distinct from s.relationship
			  or p.relationship_category is distinct from s.relationship_category or p.name <> s.name
			  or p.name_kana <> s.name_kana or p.name_kana_key <> s.name_kana_key or p.birth_date <> s.birth_date
			  or p.gender is distinct from s.gender or p.email is distinct from s.email
			  or p.office_code is distinct from s.office_code or p.office_name is distinct from s.office_name
			  or p.living_together is distinct from s.living_together or p.qualified_on is distinct from s.qualified_on
			  or p.active = false""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final boolean postgres;

	private final long tenantId;

	/**
	 * Whether the file had the postal columns; without them the stored addresses are
	 * neither compared nor overwritten (an older file must not erase them).
	 */
	private boolean postal = true;

	RosterStage(JdbcClient jdbc, DataSource dataSource, boolean postgres, long tenantId) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.postgres = postgres;
		this.tenantId = tenantId;
	}

	/** Set once the file has been read, before counting and applying. */
	void postalColumns(boolean present) {
		this.postal = present;
	}

	/**
	 * A row differs if any roster fact differs, or the person was inactive
	 * (re-activation).
	 */
	private String differs() {
		return "(" + DIFFERS_BASE + (postal ? " " + POSTAL_DIFFERS : "") + ")";
	}

	/** Creates the table and returns the writer that fills it. */
	RowWriter create() {
		if (postgres) {
			jdbc.sql("create temporary table " + DDL + " on commit drop").update();
		}
		else {
			jdbc.sql("drop table if exists roster_stage").update();
			jdbc.sql("create local temporary table " + DDL).update();
		}
		return RowWriter.open(RowWriter.Table.STAGE, dataSource, postgres, tenantId, null);
	}

	/** After the writer finished: prepares counting and merging. */
	void loaded() {
		if (postgres) {
			// No index on the staging table: with enough work_mem the count and the merge
			// are hash joins.
			// Temporary tables are never auto-analysed; without statistics the planner
			// picks nested loops. The
			// joins only need the row count and the keys' statistics (a quarter of the
			// time of all columns).
			jdbc.sql("analyze roster_stage (kigo, bango, edaban)").update();
		}
		else {
			jdbc.sql("create index roster_stage_key on roster_stage (kigo, bango, edaban)").update();
		}
	}

	Counts count(Mode mode) {
		if (postgres) {
			return countInOnePass(mode);
		}
		return jdbc
			.sql("select count(*) as total_rows, "
					+ "coalesce(sum(case when p.id is null then 1 else 0 end), 0) as added, "
					+ "coalesce(sum(case when p.id is not null and " + differs() + " then 1 else 0 end), 0) as updated "
					+ "from roster_stage s left join roster_person p on p.tenant_id = :tenant and " + KEY)
			.param("tenant", tenantId)
			.query((rs, i) -> {
				int rows = rs.getInt("total_rows");
				int added = rs.getInt("added");
				int updated = rs.getInt("updated");
				int deactivated = mode == Mode.SNAPSHOT ? countMissing() : 0;
				return new Counts(rows, added, updated, rows - added - updated, deactivated);
			})
			.single();
	}

	/**
	 * PostgreSQL: added, updated and (for a snapshot) missing people in one full outer
	 * join instead of two joins over the whole roster. H2 has no full outer join.
	 */
	private Counts countInOnePass(Mode mode) {
		return jdbc.sql("select count(s.kigo) as total_rows, "
				+ "coalesce(sum(case when s.kigo is not null and p.id is null then 1 else 0 end), 0) as added, "
				+ "coalesce(sum(case when s.kigo is not null and p.id is not null and " + differs()
				+ " then 1 else 0 end), 0) as updated, "
				+ "coalesce(sum(case when s.kigo is null and p.active then 1 else 0 end), 0) as missing "
				+ "from roster_stage s full join (select * from roster_person where tenant_id = :tenant) p on " + KEY)
			.param("tenant", tenantId)
			.query((rs, i) -> {
				int rows = rs.getInt("total_rows");
				int added = rs.getInt("added");
				int updated = rs.getInt("updated");
				int deactivated = mode == Mode.SNAPSHOT ? rs.getInt("missing") : 0;
				return new Counts(rows, added, updated, rows - added - updated, deactivated);
			})
			.single();
	}

	/**
	 * Writes the staged rows into the roster; for a snapshot also deactivates everybody
	 * not in the file.
	 */
	void apply(Mode mode, Timestamp now, Counts counts) {
		if (counts.added() == counts.rows()) {
			// Everybody in the file is new to the roster: a plain insert skips the
			// per-row match of the merge.
			jdbc.sql("insert into roster_person (" + RowWriter.Table.ROSTER.columns + ") select :tenant, " + STAGED
					+ ", true, :now, :now from roster_stage s")
				.param("tenant", tenantId)
				.param("now", now)
				.update();
		}
		else if (counts.added() > 0 || counts.updated() > 0) {
			merge(now);
		}
		// else: nothing differs (a re-import of the same file); the merge would match
		// every row for nothing.
		if (mode == Mode.SNAPSHOT && counts.deactivated() > 0) {
			jdbc.sql(
					"update roster_person set active = false, updated_at = :now where tenant_id = :tenant and active = true "
							+ "and not exists (select 1 from roster_stage s where s.kigo = roster_person.kigo "
							+ "and s.bango = roster_person.bango and s.edaban = roster_person.edaban)")
				.param("tenant", tenantId)
				.param("now", now)
				.update();
		}
	}

	private void merge(Timestamp now) {
		jdbc.sql("merge into roster_person p using roster_stage s on (p.tenant_id = :tenant and " + KEY + ") "
				+ "when matched and " + differs()
				+ " then update set insured = s.insured, relationship = s.relationship, "
				+ "relationship_category = s.relationship_category, name = s.name, name_kana = s.name_kana, "
				+ "name_kana_key = s.name_kana_key, birth_date = s.birth_date, gender = s.gender, email = s.email, "
				+ "office_code = s.office_code, office_name = s.office_name, living_together = s.living_together, "
				+ "qualified_on = s.qualified_on, " + (postal ? POSTAL_SET : "") + "active = true, updated_at = :now "
				+ "when not matched then insert (" + RowWriter.Table.ROSTER.columns + ") values (:tenant, " + STAGED
				+ ", true, :now, :now)")
			.param("tenant", tenantId)
			.param("now", now)
			.update();
	}

	/**
	 * H2 keeps temporary tables for the life of the (pooled) connection; PostgreSQL drops
	 * it on commit.
	 */
	void dropQuietly() {
		if (!postgres) {
			try {
				jdbc.sql("drop table if exists roster_stage").update();
			}
			catch (RuntimeException ignored) {
				// Dropped with the connection anyway.
			}
		}
	}

	private int countMissing() {
		return jdbc
			.sql("select count(*) from roster_person p where p.tenant_id = :tenant and p.active = true "
					+ "and not exists (select 1 from roster_stage s where " + KEY + ")")
			.param("tenant", tenantId)
			.query(Integer.class)
			.single();
	}

}
