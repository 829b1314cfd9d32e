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
 * {@link ReviewAuditEvent#DETERMINATIONS_EXPORTED},
 * {@link ReviewAuditEvent#NON_RESPONDENTS_EXPORTED},
 * {@link ReviewAuditEvent#STATISTICS_EXPORTED}) in the transaction that reads it.
 */
public interface ReviewExports {

	/** The first 14 columns, shared by the removal list and the determinations. */
	List<String> DECISION_COLUMNS = List.of("記号", "番号", "枝番", "被保険者氏名", "被扶養者氏名", "カナ", "生年月日", "続柄", "喪失日", "事由",
			"決定日", "決定者", "事業所コード", "事業所名");

	/**
	 * The removal list's columns, in order: the 14 decision columns, then 削除の状態 (予定 while
	 * the rebuttal window is open, 確定 after) and 反論期限 (appended by issue 14, as the
	 * format allows).
	 */
	List<String> REMOVAL_COLUMNS = Stream.concat(DECISION_COLUMNS.stream(), Stream.of("削除の状態", "反論期限")).toList();

	/**
	 * The determinations' columns: the 14 decision columns, then 判定 and 備考, then 削除の状態
	 * and 反論期限. The core-system API's CSV has exactly these.
	 */
	List<String> DETERMINATION_COLUMNS = Stream
		.concat(DECISION_COLUMNS.stream(), Stream.of("判定", "備考", "削除の状態", "反論期限"))
		.toList();

	/**
	 * 未提出者一覧: the households that did not submit, by office. 登録 is whether the insured
	 * person has a member account.
	 */
	List<String> NON_RESPONDENT_COLUMNS = List.of("事業所コード", "事業所名", "記号", "番号", "被保険者氏名", "被保険者カナ", "対象者数", "状態", "登録");

	/**
	 * 事業所別集計: per office, households (世帯) and dependents (人); the last row, with an empty
	 * office code and 事業所名 「合計」, adds them up.
	 */
	List<String> STATISTICS_COLUMNS = List.of("事業所コード", "事業所名", "対象世帯数", "対象者数", "登録済世帯数", "提出済世帯数", "差し戻し世帯数", "判定済人数",
			"削除人数");

	/** Which rows. */
	enum Kind {

		/** 削除対象者一覧: final removals only. */
		REMOVALS,
		/** 判定一覧: every decided dependent, proposals waiting for approval included. */
		DETERMINATIONS,
		/** 未提出者一覧: households that did not submit, by office. */
		NON_RESPONDENTS,
		/**
		 * 事業所別集計: targets, registered, submitted, returned, decided, removed per office.
		 */
		STATISTICS

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
