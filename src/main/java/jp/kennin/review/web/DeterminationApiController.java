package jp.kennin.review.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.ApiPrincipal;
import jp.kennin.review.DeterminationFeed;
import jp.kennin.review.DeterminationFeed.ApiActor;
import jp.kennin.review.DeterminationFeed.Determination;
import jp.kennin.review.DeterminationFeed.Format;
import jp.kennin.review.DeterminationFeed.Page;
import jp.kennin.review.DeterminationFeed.Request;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET
 * /api/v1/campaigns/{id}/determinations[?since=ISO-8601][&cursor=…][&limit=n][&format=csv]}
 * with a token of scope {@code results:read}: a page of determinations in change order as
 * JSON, or as CSV in the 判定一覧 layout ({@code format=csv} or {@code Accept: text/csv}).
 * The next page (and, after the last, the next incremental fetch) is in {@code next} and
 * in the {@code Link} header. 400 for a bad parameter, 403 for a token without the scope,
 * 404 for another insurer's campaign.
 */
@RestController
class DeterminationApiController {

	private final DeterminationFeed feed;

	DeterminationApiController(DeterminationFeed feed) {
		this.feed = feed;
	}

	record JsonPage(long campaignId, int count, boolean more, String nextCursor, String next,
			List<JsonRow> determinations) {
	}

	/** A determination without its CSV cells. */
	record JsonRow(String kigo, String bango, String edaban, String insuredName, String name, String nameKana,
			LocalDate birthDate, String relationship, String determination, boolean proposed, LocalDate lossDate,
			String reason, String reasonLabel, LocalDate decidedOn, String decidedBy, String officeCode,
			String officeName, String note, String removalState, LocalDate rebuttalLastDay, Instant changedAt) {

		static JsonRow of(Determination d) {
			return new JsonRow(d.kigo(), d.bango(), d.edaban(), d.insuredName(), d.name(), d.nameKana(), d.birthDate(),
					d.relationship(), d.determination(), d.proposed(), d.lossDate(), d.reason(), d.reasonLabel(),
					d.decidedOn(), d.decidedBy(), d.officeCode(), d.officeName(), d.note(), d.removalState(),
					d.rebuttalLastDay(), d.changedAt());
		}

	}

	@GetMapping(path = "/api/v1/campaigns/{id}/determinations")
	ResponseEntity<?> determinations(@AuthenticationPrincipal ApiPrincipal client, @PathVariable long id,
			@RequestParam(required = false) String since, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "" + DeterminationFeed.DEFAULT_LIMIT) int limit,
			@RequestParam(required = false) String format, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Format asked = "csv".equalsIgnoreCase(format) || (format == null && acceptsCsv(request)) ? Format.CSV
				: Format.JSON;
		Instant from = since == null || since.isBlank() ? null : Instant.parse(since.strip());
		Page page = feed.read(ApiActor.of(client, request.getRemoteAddr()),
				new Request(id, from, cursor == null || cursor.isBlank() ? null : cursor, limit, asked));
		String next = UriComponentsBuilder.fromPath(request.getRequestURI())
			.queryParam("cursor", page.nextCursor())
			.queryParam("limit", limit)
			.queryParamIfPresent("format", Optional.ofNullable(asked == Format.CSV ? "csv" : null))
			.build()
			.toUriString();
		response.setHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		response.setHeader("X-Next-Cursor", page.nextCursor());
		response.setHeader("X-More", String.valueOf(page.more()));
		if (asked == Format.CSV) {
			response.setContentType("text/csv; charset=UTF-8");
			feed.writeCsv(page, response.getOutputStream());
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new JsonPage(id, page.rows().size(), page.more(), page.nextCursor(), next,
					page.rows().stream().map(JsonRow::of).toList()));
	}

	private static boolean acceptsCsv(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
	}

	@ExceptionHandler(DeterminationFeed.NotFound.class)
	ResponseEntity<Map<String, String>> notFound() {
		return error(HttpStatus.NOT_FOUND, "no such campaign");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, String>> refused() {
		return error(HttpStatus.FORBIDDEN, "the token lacks the scope results:read");
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeParseException.class })
	ResponseEntity<Map<String, String>> badRequest(RuntimeException ex) {
		return error(HttpStatus.BAD_REQUEST, ex instanceof DateTimeParseException
				? "since must be an ISO-8601 instant such as 2026-09-01T00:00:00Z" : ex.getMessage());
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", status.name(), "message", message));
	}

}
