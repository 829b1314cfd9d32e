package jp.kennin.roster;

import java.io.InputStream;
import java.util.List;

/**
 * Importing a roster CSV (format: docs/roster-csv.md). The staff page, the command line
 * and the HTTP API all call {@link #run}: the file is read once, streaming; every row is
 * validated, then the whole file is applied in one transaction, or nothing is if any row
 * is invalid.
 */
public interface RosterImports {

	/**
	 * Validates and (unless {@code dryRun}) applies a roster file for one tenant.
	 * @param csv the file's bytes, UTF-8 (with or without BOM) or Windows-31J; closed by
	 * the caller
	 * @param importId an import already registered with {@link #register}, or null to
	 * register one now
	 */
	ImportResult run(ImportRequest request, InputStream csv, Long importId);

	/**
	 * Registers an import (status {@code VALIDATING}) so that its progress can be shown.
	 * @param fileSize the file's size in bytes if known (the progress is then also shown
	 * as a percentage), else 0
	 */
	long register(ImportRequest request, String storageKey, long fileSize);

	enum Mode {

		/**
		 * The file is the whole roster: people missing from it become inactive (never
		 * deleted).
		 */
		SNAPSHOT,
		/** Only adds and updates. */
		DELTA

	}

	enum Source {

		PAGE, CLI, API

	}

	/**
	 * @param actorId login ID of the staff member, {@code cli} or {@code api-token:<id>}
	 * @param dryRun validate and count, then roll back (the page's preview)
	 */
	record ImportRequest(long tenantId, Mode mode, Source source, String fileName, String actorId, String actorRole,
			String ip, boolean dryRun) {
	}

	record Counts(int rows, int added, int updated, int unchanged, int deactivated) {
	}

	/**
	 * One problem of a rejected file; {@code line} is null for file-level problems.
	 * {@code message} is the Japanese text (what the command line and the API report);
	 * {@code code} names it among the {@code roster.problem.*} messages, with
	 * {@code args}, so that screens can show it in another language. Problems recorded
	 * before codes existed have none.
	 */
	record Problem(Integer line, String column, String message, String code, List<String> args) {

		public Problem {
			args = args == null ? List.of() : List.copyOf(args);
		}

		public Problem(Integer line, String column, String message) {
			this(line, column, message, null, List.of());
		}

		/** As shown to people, e.g. 「12行目 生年月日: 日付として読めません（1985/13/01）」. */
		public String text() {
			StringBuilder sb = new StringBuilder();
			if (line != null) {
				sb.append(line).append("行目");
			}
			if (column != null) {
				sb.append(sb.isEmpty() ? "" : " ").append(column);
			}
			return sb.isEmpty() ? message : sb.append(": ").append(message).toString();
		}

	}

	/**
	 * @param errors the problems found, at most {@link #MAX_REPORTED_ERRORS};
	 * {@code errorCount} counts all
	 * @param applied true if the roster was changed (false for a dry run or a rejected
	 * file)
	 */
	record ImportResult(long importId, boolean valid, boolean applied, Counts counts, List<Problem> errors,
			int errorCount) {

		public static final int MAX_REPORTED_ERRORS = 10_000;

	}

}
