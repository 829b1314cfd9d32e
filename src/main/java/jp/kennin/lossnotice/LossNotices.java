package jp.kennin.lossnotice;

import java.io.IOException;
import java.io.OutputStream;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.review.ReviewActor;

import org.springframework.security.access.AccessDeniedException;

/**
 * The removal notices and certificates of dependents whose removal is final (a
 * TENANT_ADMIN's 削除, or a reviewer's proposal once approved). A member gets the documents
 * of their own household's form once it is 確認完了; TENANT_ADMINs and REVIEWERs of the
 * insurer get any of their campaigns' (another tenant's form or campaign is "not found",
 * other staff {@link AccessDeniedException}), and every staff download is audited.
 * Anything else (no such removal, not yet final) is "not found".
 */
public interface LossNotices {

	/** A PDF ready to send. */
	record Pdf(String fileName, byte[] content) {
	}

	/** Writes a bulk download; reading, rendering and the audit record happen here. */
	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	/** A bulk download checked and ready; nothing is read yet. */
	record Bundle(String fileName, String contentType, Body body) {
	}

	/** How a campaign's documents come in one download. */
	enum BundleFormat {

		/**
		 * One PDF: for each dependent its notice, then its certificate, each on new
		 * pages.
		 */
		PDF,
		/** A ZIP with two PDFs per dependent, named by 記号・番号・枝番. */
		ZIP

	}

	/** The member's own document; 確認完了 forms only. */
	Pdf forMember(HouseholdScopedPrincipal member, long formId, long dependentId, NoticeKind kind);

	/** One dependent's document for staff (audited). */
	Pdf forStaff(ReviewActor actor, long formId, long dependentId, NoticeKind kind);

	/**
	 * Every final removal of a campaign, both documents each, in 記号・番号・枝番 order (audited
	 * with the count when written).
	 */
	Bundle campaignBundle(ReviewActor actor, long campaignId, BundleFormat format);

	/** The insurer's settings ({@link NoticeSettings#NONE} when none are saved). */
	NoticeSettings settings(long tenantId);

	/**
	 * The settings for the settings page: TENANT_ADMIN only.
	 * @throws AccessDeniedException for other staff
	 */
	NoticeSettings settingsForEditing(ReviewActor actor);

	/**
	 * Saves the insurer's settings (TENANT_ADMIN only), audited.
	 * @throws IllegalArgumentException when the insurer number is not 8 digits or the
	 * cost is negative
	 */
	void changeSettings(ReviewActor actor, NoticeSettings settings);

}
