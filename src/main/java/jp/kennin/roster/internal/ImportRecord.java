package jp.kennin.roster.internal;

import java.time.Instant;
import java.util.OptionalInt;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;

/**
 * One line of the import history. {@code counts} is null until the file was validated;
 * {@code fileSize} is 0 when not known (CLI, API).
 */
public record ImportRecord(long id, long tenantId, Source source, Mode mode, Status status, String fileName,
		String storageKey, String actorId, int processedRows, long fileSize, long processedBytes, Counts counts,
		int errorCount, Instant createdAt, Instant finishedAt) {

	/**
	 * How far a running import is, 0–99 (100 only once it has ended), if that can be
	 * told: while checking, by the bytes read against the file's size; while applying, by
	 * the rows against those the check counted.
	 */
	public OptionalInt percent() {
		return switch (status) {
			case VALIDATING -> fileSize <= 0 ? OptionalInt.empty() : OptionalInt.of(capped(processedBytes, fileSize));
			case APPLYING -> counts == null || counts.rows() == 0 ? OptionalInt.empty()
					: OptionalInt.of(capped(processedRows, counts.rows()));
			default -> OptionalInt.empty();
		};
	}

	private static int capped(long done, long total) {
		return (int) Math.min(99, Math.max(0, done * 100 / total));
	}

	public enum Status {

		/** Being read and checked. */
		VALIDATING,
		/** Checked, errors found; nothing applied. */
		INVALID,
		/** Checked without errors, waiting for confirmation (page preview). */
		READY,
		/** Confirmed, being applied. */
		APPLYING, APPLIED,
		/** Discarded at the preview. */
		CANCELLED,
		/** Checked but not confirmed in time; the stored file was deleted. */
		EXPIRED,
		/** Stopped by an unexpected error; nothing applied. */
		FAILED;

		public boolean running() {
			return this == VALIDATING || this == APPLYING;
		}

	}

}
