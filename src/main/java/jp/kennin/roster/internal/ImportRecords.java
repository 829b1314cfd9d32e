package jp.kennin.roster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.internal.ImportRecord.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The import history ({@code roster_import}); every query is scoped by tenant. */
@Repository
@Transactional(readOnly = true)
public class ImportRecords {

	/** How many errors the preview page keeps; the CLI and API report all of them. */
	static final int STORED_ERRORS = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long insert(ImportRequest r, String storageKey, long fileSize) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into roster_import (tenant_id, source, mode, status, file_name, storage_key, actor_id, file_size,
				  created_at, heartbeat_at)
				values (:tenant, :source, :mode, :status, :file, :key, :actor, :size, :now, :now)""")
			.param("tenant", r.tenantId())
			.param("source", r.source().name())
			.param("mode", r.mode().name())
			.param("status", Status.VALIDATING.name())
			.param("file", truncate(r.fileName(), 255))
			.param("key", storageKey)
			.param("actor", truncate(r.actorId(), 100))
			.param("size", fileSize > 0 ? fileSize : null)
			.param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(long id, int rows, long bytes) {
		jdbc.sql("update roster_import set processed_rows = ?, processed_bytes = ?, heartbeat_at = ? where id = ?")
			.params(rows, bytes, Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * Moves an import from one status to another; false if it was not in {@code from} (a
	 * double click).
	 */
	@Transactional
	public boolean transition(long tenantId, long id, Status from, Status to) {
		return jdbc
			.sql("update roster_import set status = ?, heartbeat_at = ? where tenant_id = ? and id = ? and status = ?")
			.params(to.name(), Timestamp.from(clock.instant()), tenantId, id, from.name())
			.update() == 1;
	}

	/**
	 * Running imports that have shown no life since {@code before}: their node stopped.
	 */
	public List<ImportRecord> stalled(Instant before) {
		return jdbc.sql(
				"select * from roster_import where status in ('VALIDATING', 'APPLYING') and coalesce(heartbeat_at, created_at) < ?")
			.param(Timestamp.from(before))
			.query(ImportRecords::map)
			.list();
	}

	/** Checked imports that nobody confirmed or cancelled since {@code before}. */
	public List<ImportRecord> unconfirmed(Instant before) {
		return jdbc.sql("select * from roster_import where status = 'READY' and finished_at < ?")
			.param(Timestamp.from(before))
			.query(ImportRecords::map)
			.list();
	}

	/**
	 * Ends an import that has stopped or expired, if it is still in {@code from} and
	 * still silent since {@code before} (an import that came back to life in between is
	 * left alone).
	 */
	@Transactional
	public boolean end(ImportRecord record, Status to, Instant before, Problem problem) {
		boolean ended = jdbc.sql("""
				update roster_import set status = ?, storage_key = null, finished_at = ?, error_count = ?
				where id = ? and status = ? and coalesce(heartbeat_at, created_at) < ?""")
			.params(to.name(), Timestamp.from(clock.instant()), problem == null ? record.errorCount() : 1, record.id(),
					record.status().name(), Timestamp.from(before))
			.update() == 1;
		if (ended && problem != null) {
			storeErrors(record.id(), record.tenantId(), List.of(problem));
		}
		return ended;
	}

	/**
	 * Joins the caller's transaction, so an applied import and its history line commit
	 * together.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void finish(long id, Status status, Counts counts, List<Problem> problems, int errorCount) {
		jdbc.sql("""
				update roster_import set status = :status, total_rows = :rows, added = :added, updated = :updated,
				  unchanged = :unchanged, deactivated = :deactivated, error_count = :errors, finished_at = :now
				where id = :id""")
			.param("status", status.name())
			.param("rows", counts == null ? null : counts.rows())
			.param("added", counts == null ? null : counts.added())
			.param("updated", counts == null ? null : counts.updated())
			.param("unchanged", counts == null ? null : counts.unchanged())
			.param("deactivated", counts == null ? null : counts.deactivated())
			.param("errors", errorCount)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		if (counts != null) {
			jdbc.sql("update roster_import set processed_rows = ? where id = ?").params(counts.rows(), id).update();
		}
		jdbc.sql("delete from roster_import_error where import_id = ?").param(id).update();
		Long tenantId = jdbc.sql("select tenant_id from roster_import where id = ?")
			.param(id)
			.query(Long.class)
			.single();
		storeErrors(id, tenantId, problems);
	}

	private void storeErrors(long id, long tenantId, List<Problem> problems) {
		problems.stream()
			.limit(STORED_ERRORS)
			.forEach(p -> jdbc.sql("""
					insert into roster_import_error (import_id, tenant_id, line_no, column_name, message, message_code,
					  message_args)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, tenantId, p.line(), truncate(p.column(), 50), truncate(p.message(), 500), p.code(),
						p.code() == null ? null : ProblemArgs.encode(p.args()))
				.update());
	}

	public Optional<ImportRecord> find(long tenantId, long id) {
		return jdbc.sql("select * from roster_import where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(ImportRecords::map)
			.optional();
	}

	public List<ImportRecord> history(long tenantId, int limit) {
		return jdbc
			.sql("select * from roster_import where tenant_id = ? order by id desc fetch first " + limit + " rows only")
			.param(tenantId)
			.query(ImportRecords::map)
			.list();
	}

	public List<Problem> errors(long tenantId, long importId) {
		return jdbc.sql("""
				select line_no, column_name, message, message_code, message_args from roster_import_error
				where tenant_id = ? and import_id = ? order by id""")
			.params(tenantId, importId)
			.query((rs, i) -> new Problem((Integer) rs.getObject("line_no", Integer.class), rs.getString("column_name"),
					rs.getString("message"), rs.getString("message_code"),
					ProblemArgs.decode(rs.getString("message_args"))))
			.list();
	}

	private static ImportRecord map(ResultSet rs, int row) throws SQLException {
		Integer rows = (Integer) rs.getObject("total_rows", Integer.class);
		Counts counts = rows == null ? null : new Counts(rows, rs.getInt("added"), rs.getInt("updated"),
				rs.getInt("unchanged"), rs.getInt("deactivated"));
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportRecord(rs.getLong("id"), rs.getLong("tenant_id"), Source.valueOf(rs.getString("source")),
				Mode.valueOf(rs.getString("mode")), Status.valueOf(rs.getString("status")), rs.getString("file_name"),
				rs.getString("storage_key"), rs.getString("actor_id"), rs.getInt("processed_rows"),
				rs.getLong("file_size"), rs.getLong("processed_bytes"), counts, rs.getInt("error_count"),
				rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
	}

	private static String truncate(String s, int max) {
		return s == null ? null : s.length() > max ? s.substring(0, max) : s;
	}

}
