package jp.kennin.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing notices. "Published" means inside the publish window at the current clock.
 */
public interface Notices {

	/** Published site notices, newest date first. */
	List<Notice> publishedSiteNotices();

	/** Published notices of one tenant, newest date first. */
	List<Notice> publishedTenantNotices(long tenantId);

	Optional<Notice> findPublished(Long tenantId, long id);

	long create(Long tenantId, LocalDate date, String title, String body, Instant publishFrom, Instant publishUntil);

}
