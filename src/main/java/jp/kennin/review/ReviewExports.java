package jp.kennin.review;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;

/**
 * The review's results as files for the kenpo's core system and for Excel: the removal
 * list (削除対象者一覧, only removals that are final: a TENANT_ADMIN's own 削除, or a REVIEWER's
 * proposal once a TENANT_ADMIN approved it) and every determination (継続, 削除, 保留 per
 * decided dependent). The columns are documented in docs/results-format.md and stay
 * stable. TENANT_ADMIN and REVIEWER only, like the forms CSV
 * ({@link AccessDeniedException} otherwise); another tenant's campaign is "not found".
 * Rows are read through a cursor while they are written, so the size of a campaign does
 * not matter; each download is audited with its row count
 * ({@link ReviewAuditEvent#REMOVALS_EXPORTED},
 * {@link ReviewAuditEvent#DETERMINATIONS_EXPORTED}) in the transaction that reads it.
 */
public interface ReviewExports {

	/** The removal list's columns, in order. */
	List<String> REMOVAL_COLUMNS = List.of("記号", "番号", "枝番", "被保険者氏名", "被扶養者氏名", "カナ", "生年月日", "続柄", "喪失日", "事由", "決定日",
			"決定者", "事業所コード", "事業所名");

	/** The determinations' columns: the removal list's, then 判定 and 備考. */
	List<String> DETERMINATION_COLUMNS = Stream.concat(REMOVAL_COLUMNS.stream(), Stream.of("判定", "備考")).toList();

	/** Which rows. */
	enum Kind {

		/** 削除対象者一覧: final removals only. */
		REMOVALS,
		/** 判定一覧: every decided dependent, proposals waiting for approval included. */
		DETERMINATIONS

	}

	/** The file's format. */
	enum Format {

		/** CSV in Windows-31J, what Excel in Japan opens directly. */
		CSV_WINDOWS_31J("csv", "Windows-31J"),
		/** CSV in UTF-8 with a byte order mark (so Excel recognises it). */
		CSV_UTF8("csv", "UTF-8"),
		/** An Excel workbook, one sheet, header frozen. */
		XLSX("xlsx", null);

		private final String extension;

		private final String encoding;

		Format(String extension, String encoding) {
			this.extension = extension;
			this.encoding = encoding;
		}

		public String extension() {
			return extension;
		}

		/** The CSV's character set; null for XLSX. */
		public String encoding() {
			return encoding;
		}

		public String contentType() {
			return encoding == null ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
					: "text/csv; charset=" + encoding;
		}

	}

	/** Writes the file; reading, writing and the audit record happen here. */
	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * A download ready to be sent: the actor and the campaign are checked, nothing is
	 * read yet.
	 *
	 * @param fileName the campaign's title and the list's name, e.g. 「2026年度
	 * 被扶養者資格調査_削除対象者一覧.csv」 (not yet made safe for a header)
	 */
	record Download(String fileName, String contentType, Body body) {
	}

	/**
	 * A campaign's removal list or determinations.
	 * @throws AccessDeniedException for staff other than TENANT_ADMIN and REVIEWER
	 */
	Download export(ReviewActor actor, long campaignId, Kind kind, Format format);

}
