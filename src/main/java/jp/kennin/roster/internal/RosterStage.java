package jp.kennin.roster.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.Mode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The rows of one import in a temporary table, private to the importing transaction. Loading goes
 * through PostgreSQL's COPY protocol (H2: JDBC batches); the cross-row checks and the merge into
 * {@code roster_person} are then single set-based statements, so memory stays flat however big the file.
 * Must be used inside a transaction.
 */
final class RosterStage {

	static final String COLUMNS = "line_no, kigo, bango, edaban, insured, relationship, relationship_category, "
			+ "name, name_kana, name_kana_key, birth_date, gender, email, office_code, office_name, living_together, qualified_on";

	private static final String DDL = """
			roster_stage (line_no int not null, kigo varchar(8) not null, bango varchar(10) not null,
			  edaban varchar(2) not null, insured boolean not null, relationship varchar(20), relationship_category varchar(20),
			  name varchar(100) not null, name_kana varchar(100) not null, name_kana_key varchar(100) not null,
			  birth_date date not null, gender varchar(1), email varchar(254), office_code varchar(20),
			  office_name varchar(100), living_together boolean, qualified_on date)""";

	private static final String KEY = "p.kigo = s.kigo and p.bango = s.bango and p.edaban = s.edaban";

	/** A row differs if any roster fact differs, or the person was inactive (re-activation). */
	private static final String DIFFERS = """
			(p.insured <> s.insured or p.relationship is distinct from s.relationship
			  or p.relationship_category is distinct from s.relationship_category or p.name <> s.name
			  or p.name_kana <> s.name_kana or p.name_kana_key <> s.name_kana_key or p.birth_date <> s.birth_date
			  or p.gender is distinct from s.gender or p.email is distinct from s.email
			  or p.office_code is distinct from s.office_code or p.office_name is distinct from s.office_name
			  or p.living_together is distinct from s.living_together or p.qualified_on is distinct from s.qualified_on
			  or p.active = false)""";

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final boolean postgres;

	private final long tenantId;

	/** Bytes of COPY data handed to the sending thread at a time. */
	private static final int CHUNK = 1 << 18;

	private final List<Object[]> batch = new ArrayList<>();

	private final CopyText copyText = new CopyText(CHUNK + 4096);

	private Object copyIn;

	private CopyPipe pipe;

	private Method writeToCopy;

	RosterStage(JdbcClient jdbc, DataSource dataSource, boolean postgres, long tenantId) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.postgres = postgres;
		this.tenantId = tenantId;
	}

	void create() {
		if (postgres) {
			// Hash joins and aggregates over the whole file instead of spilling to disk (default 4 MB).
			jdbc.sql("set local work_mem = '64MB'").update();
			jdbc.sql("create temporary table " + DDL + " on commit drop").update();
			copyIn = startCopy();
			Object target = copyIn;
			pipe = new CopyPipe(chunk -> invoke(writeToCopy, target, chunk, 0, chunk.length));
		}
		else {
			jdbc.sql("drop table if exists roster_stage").update();
			jdbc.sql("create local temporary table " + DDL).update();
		}
	}

	void add(StagedRow r) {
		if (postgres) {
			copyText.append(r);
			if (copyText.size() >= CHUNK) {
				pipe.send(copyText.take());
			}
			return;
		}
		Object[] values = { r.line(), r.kigo(), r.bango(), r.edaban(), r.insured(), r.relationship(),
				r.category() == null ? null : r.category().name(), r.name(), r.nameKana(), r.nameKanaKey(),
				r.birthDate(), r.gender(), r.email(), r.officeCode(), r.officeName(), r.livingTogether(),
				r.qualifiedOn() };
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof LocalDate d) {
				values[i] = Date.valueOf(d);
			}
		}
		batch.add(values);
		if (batch.size() >= BATCH) {
			flushBatch();
		}
	}

	/** Ends loading; afterwards the checks and the merge may run. */
	void loaded() {
		if (postgres) {
			if (copyText.size() > 0) {
				pipe.send(copyText.take());
			}
			pipe.finish();
			pipe = null;
			invoke(copyMethod("endCopy"), copyIn);
			copyIn = null;
			// No index on the staging table: with enough work_mem every check and the merge are hash joins.
			// Temporary tables are never auto-analysed; without statistics the planner picks nested loops.
			jdbc.sql("analyze roster_stage").update();
		}
		else {
			flushBatch();
			jdbc.sql("create index roster_stage_key on roster_stage (kigo, bango, edaban)").update();
		}
	}

	/** Rows whose key (記号+番号+枝番) appeared on an earlier line. */
	void checkDuplicates(ProblemSink problems) {
		jdbc.sql("""
				with d as (select kigo, bango, edaban, min(line_no) as first_line from roster_stage
				  group by kigo, bango, edaban having count(*) > 1)
				select s.line_no, s.kigo, s.bango, s.edaban, d.first_line from roster_stage s
				  join d on d.kigo = s.kigo and d.bango = s.bango and d.edaban = s.edaban
				where s.line_no > d.first_line order by s.line_no""")
			.query(rs -> {
				problems.add(rs.getInt("line_no"), RosterColumn.EDABAN.header,
						"記号・番号・枝番が" + rs.getInt("first_line") + "行目と重複しています（" + rs.getString("kigo") + "-"
								+ rs.getString("bango") + "-" + rs.getString("edaban") + "）");
			});
	}

	/** Family rows whose insured person (本人) is not in the file. */
	void checkHouseholds(ProblemSink problems) {
		jdbc.sql("""
				select s.line_no, s.kigo, s.bango from roster_stage s where s.insured = false and not exists (
				  select 1 from roster_stage i where i.kigo = s.kigo and i.bango = s.bango and i.edaban = '00')
				order by s.line_no""")
			.query(rs -> {
				problems.add(rs.getInt("line_no"), RosterColumn.KUBUN.header, "同じ記号・番号（" + rs.getString("kigo") + "-"
						+ rs.getString("bango") + "）の本人の行がファイルにありません");
			});
	}

	Counts count(Mode mode) {
		return jdbc.sql("select count(*) as total_rows, "
				+ "coalesce(sum(case when p.id is null then 1 else 0 end), 0) as added, "
				+ "coalesce(sum(case when p.id is not null and " + DIFFERS + " then 1 else 0 end), 0) as updated "
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

	/** Writes the staged rows into the roster; for a snapshot also deactivates everybody not in the file. */
	void apply(Mode mode, Timestamp now, Counts counts) {
		if (counts.added() == counts.rows()) {
			// Everybody is new (a first load): a plain insert skips the per-row match of the merge.
			jdbc.sql("insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, "
					+ "relationship_category, name, name_kana, name_kana_key, birth_date, gender, email, office_code, "
					+ "office_name, living_together, qualified_on, active, created_at, updated_at) select :tenant, s.kigo, "
					+ "s.bango, s.edaban, s.insured, s.relationship, s.relationship_category, s.name, s.name_kana, "
					+ "s.name_kana_key, s.birth_date, s.gender, s.email, s.office_code, s.office_name, s.living_together, "
					+ "s.qualified_on, true, :now, :now from roster_stage s")
				.param("tenant", tenantId)
				.param("now", now)
				.update();
		}
		else if (counts.added() > 0 || counts.updated() > 0) {
			merge(now);
		}
		// else: nothing differs (a re-import of the same file); the merge would match every row for nothing.
		if (mode == Mode.SNAPSHOT && counts.deactivated() > 0) {
			jdbc.sql("update roster_person set active = false, updated_at = :now where tenant_id = :tenant and active = true "
					+ "and not exists (select 1 from roster_stage s where s.kigo = roster_person.kigo "
					+ "and s.bango = roster_person.bango and s.edaban = roster_person.edaban)")
				.param("tenant", tenantId)
				.param("now", now)
				.update();
		}
	}

	private void merge(Timestamp now) {
		jdbc.sql("merge into roster_person p using roster_stage s on (p.tenant_id = :tenant and " + KEY + ") "
				+ "when matched and " + DIFFERS + " then update set insured = s.insured, relationship = s.relationship, "
				+ "relationship_category = s.relationship_category, name = s.name, name_kana = s.name_kana, "
				+ "name_kana_key = s.name_kana_key, birth_date = s.birth_date, gender = s.gender, email = s.email, "
				+ "office_code = s.office_code, office_name = s.office_name, living_together = s.living_together, "
				+ "qualified_on = s.qualified_on, active = true, updated_at = :now "
				+ "when not matched then insert (tenant_id, kigo, bango, edaban, insured, relationship, "
				+ "relationship_category, name, name_kana, name_kana_key, birth_date, gender, email, office_code, "
				+ "office_name, living_together, qualified_on, active, created_at, updated_at) values (:tenant, s.kigo, "
				+ "s.bango, s.edaban, s.insured, s.relationship, s.relationship_category, s.name, s.name_kana, "
				+ "s.name_kana_key, s.birth_date, s.gender, s.email, s.office_code, s.office_name, s.living_together, "
				+ "s.qualified_on, true, :now, :now)")
			.param("tenant", tenantId)
			.param("now", now)
			.update();
	}

	/** H2 keeps temporary tables for the life of the (pooled) connection; PostgreSQL drops it on commit. */
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
		return jdbc.sql("select count(*) from roster_person p where p.tenant_id = :tenant and p.active = true "
				+ "and not exists (select 1 from roster_stage s where " + KEY + ")")
			.param("tenant", tenantId)
			.query(Integer.class)
			.single();
	}

	private void flushBatch() {
		if (!batch.isEmpty()) {
			new JdbcTemplate(dataSource).batchUpdate(
					"insert into roster_stage (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					batch);
			batch.clear();
		}
	}

	// pgjdbc is a runtime-only dependency, so its COPY API is reached by reflection.
	private Object startCopy() {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Class<?> pgType = Class.forName("org.postgresql.PGConnection");
			Object pg = connection.unwrap(pgType);
			Object copyApi = pgType.getMethod("getCopyAPI").invoke(pg);
			Object in = copyApi.getClass()
				.getMethod("copyIn", String.class)
				.invoke(copyApi, "copy roster_stage (" + COLUMNS + ") from stdin");
			writeToCopy = Class.forName("org.postgresql.copy.CopyIn")
				.getMethod("writeToCopy", byte[].class, int.class, int.class);
			return in;
		}
		catch (SQLException | ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot start COPY", ex);
		}
	}

	private static Method copyMethod(String name) {
		try {
			return Class.forName("org.postgresql.copy.CopyIn").getMethod(name);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Leaves COPY mode after a failure, so the transaction can roll back on this connection. */
	void abort() {
		if (pipe != null) {
			pipe.abort();
			pipe = null;
		}
		if (copyIn != null) {
			try {
				invoke(copyMethod("cancelCopy"), copyIn);
			}
			catch (RuntimeException ignored) {
				// The rollback that follows reports the real problem.
			}
			copyIn = null;
		}
	}

	private static Object invoke(Method method, Object target, Object... args) {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("COPY failed", ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
