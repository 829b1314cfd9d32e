package jp.kennin.roster.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes rows into the staging table or straight into {@code roster_person}, on the
 * importing transaction's connection: on PostgreSQL through binary COPY, fed by a second
 * thread ({@link CopyPipe}) so that parsing and the server's work overlap; on H2 through
 * JDBC batches.
 */
final class RowWriter implements RowTarget {

	enum Table {

		STAGE("roster_stage", ""), ROSTER("roster_person", "tenant_id, ");

		final String name;

		final String columns;

		final int fields;

		/** For JDBC batches (H2). */
		final String insert;

		Table(String name, String prefix) {
			this.name = name;
			this.columns = prefix + ROW_COLUMNS + (prefix.isEmpty() ? "" : ", active, created_at, updated_at");
			this.fields = columns.split(",").length;
			this.insert = "insert into " + name + " (" + columns + ") values (" + "?, ".repeat(fields - 1) + "?)";
		}

	}

	static final String ROW_COLUMNS = "kigo, bango, edaban, insured, relationship, relationship_category, name, "
			+ "name_kana, name_kana_key, birth_date, gender, email, office_code, office_name, living_together, qualified_on, "
			+ "postal_code, address1, address2, addressee";

	/** Bytes of COPY data handed to the sending thread at a time. */
	private static final int CHUNK = 1 << 18;

	private static final int BATCH = 1000;

	private final Table table;

	private final long tenantId;

	private final Instant now;

	private CopyBinary copy;

	private CopyIn copyIn;

	private CopyPipe pipe;

	private List<Object[]> batch;

	private JdbcTemplate jdbc;

	private RowWriter(Table table, long tenantId, Instant now) {
		this.table = table;
		this.tenantId = tenantId;
		this.now = now;
	}

	/** Opens the writer; must be called inside the importing transaction. */
	static RowWriter open(Table table, DataSource dataSource, boolean postgres, long tenantId, Instant now) {
		RowWriter writer = new RowWriter(table, tenantId, now);
		if (postgres) {
			writer.copyIn = CopyIn.start(DataSourceUtils.getConnection(dataSource),
					"copy " + table.name + " (" + table.columns + ") from stdin (format binary)");
			CopyIn target = writer.copyIn;
			writer.pipe = new CopyPipe(target::write);
			writer.copy = new CopyBinary(CHUNK + 4096);
			writer.copy.header();
		}
		else {
			writer.batch = new ArrayList<>(BATCH);
			writer.jdbc = new JdbcTemplate(dataSource);
		}
		return writer;
	}

	@Override
	public void add(StagedRow r) {
		if (copy != null) {
			encode(copy, table, tenantId, now, r);
			if (copy.size() >= CHUNK) {
				pipe.send(copy.take());
			}
			return;
		}
		batch.add(values(r));
		if (batch.size() >= BATCH) {
			flush();
		}
	}

	@Override
	public void finish() {
		if (copy != null) {
			copy.trailer();
			pipe.send(copy.take());
			pipe.finish();
			pipe = null;
			copyIn.end();
			copyIn = null;
			copy = null;
		}
		else {
			flush();
		}
	}

	@Override
	public void abort() {
		if (pipe != null) {
			pipe.abort();
			pipe = null;
		}
		if (copyIn != null) {
			copyIn.cancelQuietly();
			copyIn = null;
		}
		copy = null;
		if (batch != null) {
			batch.clear();
		}
	}

	/** One row in binary COPY format, columns as in {@code table.columns}. */
	static void encode(CopyBinary c, Table table, long tenantId, Instant now, StagedRow r) {
		c.row(table.fields);
		if (table == Table.ROSTER) {
			c.int8(tenantId);
		}
		c.text(r.kigo());
		c.text(r.bango());
		c.text(r.edaban());
		c.bool(r.insured());
		c.text(r.relationship());
		c.text(r.category() == null ? null : r.category().name());
		c.text(r.name());
		c.text(r.nameKana());
		c.text(r.nameKanaKey());
		c.date(r.birthDate());
		c.text(r.gender());
		c.text(r.email());
		c.text(r.officeCode());
		c.text(r.officeName());
		c.bool(r.livingTogether());
		c.date(r.qualifiedOn());
		c.text(r.postalCode());
		c.text(r.address1());
		c.text(r.address2());
		c.text(r.addressee());
		if (table == Table.ROSTER) {
			c.bool(true);
			c.timestamp(now);
			c.timestamp(now);
		}
	}

	private Object[] values(StagedRow r) {
		Object[] row = { r.kigo(), r.bango(), r.edaban(), r.insured(), r.relationship(),
				r.category() == null ? null : r.category().name(), r.name(), r.nameKana(), r.nameKanaKey(),
				Date.valueOf(r.birthDate()), r.gender(), r.email(), r.officeCode(), r.officeName(), r.livingTogether(),
				r.qualifiedOn() == null ? null : Date.valueOf(r.qualifiedOn()), r.postalCode(), r.address1(),
				r.address2(), r.addressee() };
		if (table == Table.STAGE) {
			return row;
		}
		Object[] full = new Object[table.fields];
		full[0] = tenantId;
		System.arraycopy(row, 0, full, 1, row.length);
		Timestamp at = Timestamp.from(now);
		full[row.length + 1] = true;
		full[row.length + 2] = at;
		full[row.length + 3] = at;
		return full;
	}

	private void flush() {
		if (!batch.isEmpty()) {
			jdbc.batchUpdate(table.insert, batch);
			batch.clear();
		}
	}

	/**
	 * pgjdbc's CopyIn; the driver is a runtime-only dependency, so its API is reached by
	 * reflection.
	 */
	private static final class CopyIn {

		private final Object copyIn;

		private final Method write;

		private CopyIn(Object copyIn) throws ReflectiveOperationException {
			this.copyIn = copyIn;
			this.write = Class.forName("org.postgresql.copy.CopyIn")
				.getMethod("writeToCopy", byte[].class, int.class, int.class);
		}

		static CopyIn start(Connection connection, String sql) {
			try {
				Class<?> pgType = Class.forName("org.postgresql.PGConnection");
				Object copyApi = pgType.getMethod("getCopyAPI").invoke(connection.unwrap(pgType));
				return new CopyIn(copyApi.getClass().getMethod("copyIn", String.class).invoke(copyApi, sql));
			}
			catch (InvocationTargetException ex) {
				throw new IllegalStateException("cannot start COPY", ex.getCause());
			}
			catch (SQLException | ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot start COPY", ex);
			}
		}

		void write(byte[] chunk) throws Exception {
			call(write, chunk, 0, chunk.length);
		}

		void end() {
			try {
				call(method("endCopy"));
			}
			catch (Exception ex) {
				throw ex instanceof RuntimeException re ? re : new IllegalStateException("COPY failed", ex);
			}
		}

		/**
		 * Leaves COPY mode after a failure, so that the transaction can roll back on this
		 * connection.
		 */
		void cancelQuietly() {
			try {
				call(method("cancelCopy"));
			}
			catch (Exception ignored) {
				// The rollback that follows reports the real problem.
			}
		}

		private Method method(String name) throws NoSuchMethodException, ClassNotFoundException {
			return Class.forName("org.postgresql.copy.CopyIn").getMethod(name);
		}

		private Object call(Method method, Object... args) throws Exception {
			try {
				return method.invoke(copyIn, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause() instanceof Exception e ? e : new IllegalStateException(ex.getCause());
			}
		}

	}

}
