package jp.kennin.document;

/** Per-tenant upload settings; defaults apply until a tenant sets its own. */
public interface DocumentSettings {

	/** 10 MB (10 × 1024 × 1024 bytes). */
	long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

	/**
	 * The largest the setting may go: Spring's multipart limit
	 * (spring.servlet.multipart.max-file-size).
	 */
	long MAX_CONFIGURABLE_BYTES = 12L * 1024 * 1024;

	long maxFileBytes(long tenantId);

	/** Between 1 MB and {@link #MAX_CONFIGURABLE_BYTES}. */
	void setMaxFileBytes(long tenantId, long bytes);

}
