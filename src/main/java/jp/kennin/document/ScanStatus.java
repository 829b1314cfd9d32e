package jp.kennin.document;

/**
 * Where an upload stands with the virus scan (ClamAV). Only a {@link #CLEAN} file is ever
 * served, to staff or to the member.
 */
public enum ScanStatus {

	/** In quarantine: stored, waiting for clamd's verdict (「確認中」). */
	PENDING,
	/** Scanned without a finding, or uploaded while scanning is off. */
	CLEAN,
	/** clamd found a virus: never served; the member is asked for another file. */
	INFECTED

}
