package jp.kennin.review;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.kennin.platform.ApiPrincipal;

import org.springframework.security.access.AccessDeniedException;

/**
 * The core-system API's view of a campaign's determinations ({@code GET
 * /api/v1/campaigns/{id}/determinations}, docs/results-format.md): every dependent whose
 * determination changed after a point, in change order, a page at a time, so the kenpo's
 * system fetches incrementally. Needs a token with {@link ApiPrincipal#RESULTS_READ}
 * ({@link AccessDeniedException} otherwise); another tenant's campaign is "not found".
 * Each page read is audited ({@link ReviewAuditEvent#DETERMINATIONS_API_READ}) with its
 * row count.
 */
public interface DeterminationFeed {

	/** Rows per page unless the client asks for fewer. */
	int DEFAULT_LIMIT = 500;

	/** The most rows a page holds. */
	int MAX_LIMIT = 5000;

	/**
	 * The machine client: an API token of one tenant with its scopes.
	 *
	 * @param clientId the audit log's actor ID ({@code api-token:<id>})
	 */
	record ApiActor(long tenantId, String clientId, Set<String> scopes, String ip) {

		public ApiActor {
			scopes = Set.copyOf(scopes);
		}

		/**
		 * @throws AccessDeniedException for a token of no tenant
		 */
		public static ApiActor of(ApiPrincipal principal, String ip) {
			if (principal == null || principal.tenantId() == null) {
				throw new AccessDeniedException("an insurer's API token is required");
			}
			return new ApiActor(principal.tenantId(), principal.actorId(), principal.scopes(), ip);
		}

	}

	/** JSON or the 判定一覧 CSV layout. */
	enum Format {

		JSON, CSV

	}

	/**
	 * What to read.
	 *
	 * @param since only changes after this instant (null: from the start)
	 * @param cursor the {@link Page#nextCursor()} of the previous page, or null; it wins
	 * over {@code since}
	 * @param limit rows per page, 1 to {@link #MAX_LIMIT}
	 */
	record Request(long campaignId, Instant since, String cursor, int limit, Format format) {
	}

	/**
	 * One dependent's determination as the API gives it.
	 *
	 * @param determination CONTINUE, REMOVE, HOLD or null (undecided again: a proposal
	 * sent back, or reopened by the member's rebuttal)
	 * @param proposed a 削除 waiting for a TENANT_ADMIN's approval
	 * @param removalState SCHEDULED (削除予定, within the rebuttal window) or FINAL for a
	 * final 削除, else null
	 * @param rebuttalLastDay the window's last day (Japan date) for a final 削除 with a
	 * window
	 * @param changedAt when the row last changed; the rows come in this order
	 * @param cells the same row in the 判定一覧 layout (docs/results-format.md), for the CSV
	 */
	record Determination(String kigo, String bango, String edaban, String insuredName, String name, String nameKana,
			LocalDate birthDate, String relationship, LocalDate lossDate, String reason, String reasonLabel,
			LocalDate decidedOn, String decidedBy, String officeCode, String officeName, String determination,
			boolean proposed, String note, String removalState, LocalDate rebuttalLastDay, Instant changedAt,
			List<Object> cells) {
	}

	/**
	 * One page.
	 *
	 * @param nextCursor where the next page starts; also after the last page (then the
	 * next fetch returns what changed since), never null
	 * @param more true when rows beyond this page were already there
	 */
	record Page(List<Determination> rows, String nextCursor, boolean more) {
	}

	/**
	 * @throws AccessDeniedException without {@link ApiPrincipal#RESULTS_READ}
	 * @throws NotFound for a campaign not of the token's tenant
	 * @throws IllegalArgumentException for a cursor Kennin did not write or a limit out
	 * of range
	 */
	Page read(ApiActor actor, Request request);

	/**
	 * Writes a page as CSV in the 判定一覧 layout: UTF-8 without a byte order mark, header
	 * first, formula guard and dates as in the files.
	 */
	void writeCsv(Page page, OutputStream out) throws IOException;

	/**
	 * No such campaign for the token's tenant (another tenant's gets the same answer).
	 */
	class NotFound extends RuntimeException {

		public NotFound() {
			super("campaign not found", null, false, false);
		}

	}

}
