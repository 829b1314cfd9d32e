package jp.kennin.document;

/** What was kept of an upload. */
public enum DocumentKind {

	/** A JPEG or PNG re-encoded by Kennin (orientation applied, metadata removed). */
	IMAGE,
	/** A PDF, kept byte for byte after checking it opens without a password. */
	PDF,
	/**
	 * A HEIC/HEIF photo kept as sent because no converter is configured or it failed:
	 * staff download it and open it with a viewer that reads HEIC (see
	 * docs/documents.md).
	 */
	HEIC_ORIGINAL

}
