package jp.kennin.notice;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * Reading and writing notices. "Published" means inside the publish window at the current
 * clock. The staff methods take a scope: null for site notices (operators), a tenant ID
 * for that insurer's notices; a notice outside the scope does not exist for the caller.
 */
public interface Notices {

	/** Published site notices, newest date first. */
	List<Notice> publishedSiteNotices();

	/** Published notices of one tenant, newest date first. */
	List<Notice> publishedTenantNotices(long tenantId);

	Optional<Notice> findPublished(Long tenantId, long id);

	long create(Long tenantId, LocalDate date, String title, String body, Instant publishFrom, Instant publishUntil);

	/** Every notice of the scope, published or not, newest date first. */
	List<Notice> all(Long scope);

	Optional<Notice> find(Long scope, long id);

	/**
	 * @return false if the notice is not in the scope
	 */
	boolean update(Long scope, long id, LocalDate date, String title, String body, Instant publishFrom,
			Instant publishUntil);

	boolean delete(Long scope, long id) throws IOException;

	/** Replaces the notice's attachment (a PDF the caller has checked). */
	void attach(Long scope, long id, String fileName, long size, InputStream content) throws IOException;

	void removeAttachment(Long scope, long id) throws IOException;

	/** The attachment of a notice in the staff member's scope, published or not. */
	Optional<InputStream> openAttachment(Long scope, long id) throws IOException;

	/**
	 * The attachment of a published notice, if the reader may see it: a site notice's to
	 * anyone; an insurer's only to that insurer's logged-in members and staff, and to
	 * operators. Empty otherwise, exactly as for a notice that does not exist.
	 */
	Optional<Attachment> openPublishedAttachment(long id, Reader reader) throws IOException;

	/**
	 * Who asks for a published notice: the tenant of a logged-in member (null if none)
	 * and the staff member logged in to the same browser session (null if none).
	 */
	record Reader(Long memberTenantId, StaffActor staff) {

		public static Reader anonymous() {
			return new Reader(null, null);
		}

		/**
		 * Site notices (null tenant) are for everyone; an insurer's for its own people
		 * and operators.
		 */
		public boolean maySee(Long noticeTenantId) {
			return noticeTenantId == null || noticeTenantId.equals(memberTenantId)
					|| (staff != null && staff.canSee(noticeTenantId));
		}

	}

	/** An attachment ready to send; the caller closes {@code content}. */
	record Attachment(String fileName, long size, InputStream content) {
	}

}
