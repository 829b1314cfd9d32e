package jp.kennin.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jp.kennin.platform.HouseholdScopedPrincipal;

/**
 * What the review decided for a member's 確認完了 form, as the member's survey page shows it:
 * the dependents removed, each with the links to its notice and certificate. Implemented
 * outside this module (by the removal notices, which know the review's decisions); the
 * survey page asks for it only when the form is 確認完了, and shows 「全員継続」 when the list is
 * empty.
 */
public interface FormOutcomes {

	/**
	 * One removed dependent.
	 *
	 * @param reason the 事由 as the member reads it
	 * @param noticeUrl 被扶養者削除のお知らせ (PDF)
	 * @param certificateUrl 資格喪失証明書 (PDF)
	 */
	record Removal(long dependentId, String name, LocalDate lossDate, String reason, String noticeUrl,
			String certificateUrl) {
	}

	/**
	 * The final removals of the member's own form; empty for another household's form or
	 * a form not yet 確認完了.
	 */
	List<Removal> removals(HouseholdScopedPrincipal member, long formId, Locale locale);

}
