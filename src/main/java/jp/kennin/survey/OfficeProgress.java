package jp.kennin.survey;

import java.util.List;
import java.util.Set;

import jp.kennin.roster.RosterDirectory;

/**
 * The progress of a campaign's households for given offices (事業所コード on the form, frozen
 * at opening), as an office contact sees it: 記号・番号, the insured person's name and one of
 * six states, never answers, dependents or documents. Paged by key in the order of
 * office, 記号 and 番号 (V104 indexes it), so page 500 costs what page 1 costs. Read-only;
 * the caller has already checked that the offices are the actor's.
 */
public interface OfficeProgress {

	int PAGE_SIZE = 50;

	/**
	 * 未登録 (a form not started whose member has no account), 未作成, 作成中, 提出済み (including
	 * 審査中), 差し戻し, 確認完了.
	 */
	enum Progress {

		NOT_REGISTERED, NOT_STARTED, IN_PROGRESS, SUBMITTED, RETURNED, COMPLETED

	}

	record Row(long formId, String officeCode, String officeName, String kigo, String bango, String insuredName,
			Progress progress) {
	}

	/** Where the next page starts: after this row. */
	record After(String officeCode, String kigo, String bango, long formId) {

		/** {@code office\tkigo\tbango\tid}, for a link. */
		public String key() {
			return officeCode + "\t" + kigo + "\t" + bango + "\t" + formId;
		}

		/** The cursor of {@link #key()}, or null (the first page) for anything else. */
		public static After parse(String key) {
			if (key == null || key.length() > 80) {
				return null;
			}
			String[] parts = key.split("\t", -1);
			if (parts.length != 4 || !parts[3].matches("[0-9]{1,18}")) {
				return null;
			}
			return new After(parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
		}

	}

	record Page(List<Row> rows, After next) {
	}

	/** Households of one office in one state. */
	record Count(String officeCode, String officeName, Progress progress, long households) {
	}

	/**
	 * @param offices the offices to list (never empty)
	 * @param progress only households in this state, or null for all
	 * @param unregistered the account module's condition "this insured person has no
	 * account" on {@code roster_person} (see {@code RegistrationStatuses#having})
	 * @param after null for the first page
	 */
	Page page(long tenantId, long campaignId, Set<String> offices, Progress progress,
			RosterDirectory.Condition unregistered, After after, int size);

	/** Every non-zero (office, state) count of the offices, by office. */
	List<Count> counts(long tenantId, long campaignId, Set<String> offices, RosterDirectory.Condition unregistered);

}
