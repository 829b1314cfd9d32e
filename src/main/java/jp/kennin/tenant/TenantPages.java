package jp.kennin.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kennin.platform.StaffActor;

/**
 * The insurer's member-facing pages: システム操作マニュアル (MANUAL) and よくあるご質問 (FAQ), written in
 * Markdown (rendered sanitised), with PDF attachments. Every call is scoped by tenant.
 * Reading is open (the pages explain sign-up, before any login); writing is for operators
 * and for the insurer's own TENANT_ADMINs, each change in the audit log.
 */
public interface TenantPages {

	enum Kind {

		MANUAL, FAQ

	}

	/** The Markdown source, empty if never written. */
	String source(long tenantId, Kind kind);

	/** The page as sanitised HTML, safe to insert unescaped. */
	String html(long tenantId, Kind kind);

	/**
	 * The pages that have text or files, in {@link Kind} order: menus and footers link
	 * only these.
	 */
	Set<Kind> written(long tenantId);

	List<Attachment> attachments(long tenantId, Kind kind);

	Optional<Attachment> attachment(long tenantId, long id);

	Optional<InputStream> open(long tenantId, long id) throws IOException;

	/**
	 * Replaces the page's text.
	 * @throws org.springframework.security.access.AccessDeniedException unless
	 * {@link #mayEdit}
	 */
	void save(StaffActor editor, long tenantId, Kind kind, String markdown, String ip);

	/**
	 * Writes a page the insurer has not written yet, as the system (demo data, first
	 * set-up); audited with the given reason. Never overwrites what staff wrote.
	 * @return false if the page already had text
	 */
	boolean writeIfEmpty(long tenantId, Kind kind, String markdown, String reason);

	/** Stores a PDF; the caller has checked type and size. Same rule as {@link #save}. */
	Attachment attach(StaffActor editor, long tenantId, Kind kind, String fileName, long size, InputStream content,
			String ip) throws IOException;

	/**
	 * Deletes a file; empty if the tenant has no such file. Same rule as {@link #save}.
	 */
	Optional<Attachment> delete(StaffActor editor, long tenantId, long id, String ip) throws IOException;

	/**
	 * Operators edit every insurer's pages, an insurer's TENANT_ADMIN their own,
	 * reviewers none.
	 */
	static boolean mayEdit(StaffActor editor, long tenantId) {
		return editor.operator()
				|| (editor.tenantAdmin() && editor.tenantId() != null && editor.tenantId() == tenantId);
	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException unless
	 * {@link #mayEdit}
	 */
	static void requireEditor(StaffActor editor, long tenantId) {
		if (!mayEdit(editor, tenantId)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"may not edit the pages of tenant " + tenantId);
		}
	}

	record Attachment(long id, long tenantId, Kind kind, String fileName, long size, Instant createdAt) {
	}

}
