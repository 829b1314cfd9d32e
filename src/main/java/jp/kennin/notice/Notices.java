package jp.kennin.notice;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing notices. "Published" means inside the publish window at the current clock. The
 * staff methods take a scope: null for site notices (operators), a tenant ID for that insurer's notices;
 * a notice outside the scope does not exist for the caller.
 */
public interface Notices {

	/** Published site notices, newest date first. */
	List<Notice> publishedSiteNotices();

	/** Published notices of one tenant, newest date first. */
	List<Notice> publishedTenantNotices(long tenantId);

	Optional<Notice> findPublished(Long tenantId, long id);

	/** A published notice of any scope (site or tenant), for public links such as attachments. */
	Optional<Notice> findPublishedById(long id);

	long create(Long tenantId, LocalDate date, String title, String body, Instant publishFrom, Instant publishUntil);

	/** Every notice of the scope, published or not, newest date first. */
	List<Notice> all(Long scope);

	Optional<Notice> find(Long scope, long id);

	/** @return false if the notice is not in the scope */
	boolean update(Long scope, long id, LocalDate date, String title, String body, Instant publishFrom,
			Instant publishUntil);

	boolean delete(Long scope, long id) throws IOException;

	/** Replaces the notice's attachment (a PDF the caller has checked). */
	void attach(Long scope, long id, String fileName, long size, InputStream content) throws IOException;

	void removeAttachment(Long scope, long id) throws IOException;

	/** The attachment of a notice the caller may see: staff within the scope, or anyone while published. */
	Optional<InputStream> openAttachment(Long scope, long id, boolean publishedOnly) throws IOException;

}
