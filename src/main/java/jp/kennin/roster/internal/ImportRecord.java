package jp.kennin.roster.internal;

import java.time.Instant;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;

/** One line of the import history. {@code counts} is null until the file was validated. */
public record ImportRecord(long id, long tenantId, Source source, Mode mode, Status status, String fileName,
		String storageKey, String actorId, int processedRows, Counts counts, int errorCount, Instant createdAt,
		Instant finishedAt) {

	public enum Status {

		/** Being read and checked. */
		VALIDATING,
		/** Checked, errors found; nothing applied. */
		INVALID,
		/** Checked without errors, waiting for confirmation (page preview). */
		READY,
		/** Confirmed, being applied. */
		APPLYING,
		APPLIED,
		/** Discarded at the preview. */
		CANCELLED,
		/** Stopped by an unexpected error; nothing applied. */
		FAILED;

		public boolean running() {
			return this == VALIDATING || this == APPLYING;
		}

	}

}
