package jp.kennin.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The insurer's member-facing pages: システム操作マニュアル (MANUAL) and よくあるご質問 (FAQ), written in
 * Markdown (rendered sanitised), with PDF attachments. Every call is scoped by tenant.
 */
public interface TenantPages {

	enum Kind {

		MANUAL, FAQ

	}

	/** The Markdown source, empty if never written. */
	String source(long tenantId, Kind kind);

	/** The page as sanitised HTML, safe to insert unescaped. */
	String html(long tenantId, Kind kind);

	void save(long tenantId, Kind kind, String markdown);

	List<Attachment> attachments(long tenantId, Kind kind);

	/** Stores a PDF; the caller has checked type and size. */
	Attachment attach(long tenantId, Kind kind, String fileName, long size, InputStream content) throws IOException;

	Optional<Attachment> attachment(long tenantId, long id);

	Optional<InputStream> open(long tenantId, long id) throws IOException;

	boolean delete(long tenantId, long id) throws IOException;

	record Attachment(long id, long tenantId, Kind kind, String fileName, long size, Instant createdAt) {
	}

}
