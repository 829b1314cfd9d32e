package jp.kennin.subsidy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.SubsidyClaimStatus;

import org.springframework.validation.BindingResult;

/**
 * The claim queue's filters as typed (GET parameters). Amounts and dates may be typed
 * with full-width digits, 円 and commas, dates as 2026-10-01, 2026/10/01 or 2026年10月1日; a
 * wrong value is named next to its field and left out of the filter, the rest kept.
 */
public class ClaimQueueForm {

	private String status;

	private String office;

	private String amountFrom;

	private String amountTo;

	private String from;

	private String to;

	private String year;

	private String afterAt;

	private Long afterId;

	ClaimReview.Filter filter(BindingResult result) {
		SubsidyClaimStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = SubsidyClaimStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				s = null;
			}
		}
		Integer min = amount("amountFrom", amountFrom, result);
		Integer max = amount("amountTo", amountTo, result);
		if (min != null && max != null && max < min) {
			result.rejectValue("amountTo", "subsidy.review.filter.error.amountOrder");
			max = null;
		}
		LocalDate since = date("from", from, result);
		LocalDate until = date("to", to, result);
		if (since != null && until != null && until.isBefore(since)) {
			result.rejectValue("to", "subsidy.review.filter.error.dateOrder");
			until = null;
		}
		Integer fy = null;
		String y = normalized(year);
		if (y.matches("20[0-9]{2}")) {
			fy = Integer.parseInt(y);
		}
		return new ClaimReview.Filter(s, blank(office), min, max, since, until, fy);
	}

	/** The page to start after, or null for the first. */
	ClaimReview.After after() {
		if (afterAt == null || afterId == null) {
			return null;
		}
		try {
			return new ClaimReview.After(Instant.parse(afterAt), afterId);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Integer amount(String field, String value, BindingResult result) {
		String s = normalized(value).replace(",", "").replaceAll("円$", "").replaceAll("^[¥￥]", "");
		if (s.isEmpty()) {
			return null;
		}
		if (s.matches("[0-9]{1,7}")) {
			return Integer.parseInt(s);
		}
		result.rejectValue(field, "subsidy.review.filter.error.amount");
		return null;
	}

	private static LocalDate date(String field, String value, BindingResult result) {
		if (normalized(value).isEmpty()) {
			return null;
		}
		LocalDate date = TypedValues.date(value);
		if (date == null) {
			result.rejectValue(field, "subsidy.review.filter.error.date");
		}
		return date;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String normalized(String value) {
		return TypedValues.normalized(value);
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getOffice() {
		return office;
	}

	public void setOffice(String office) {
		this.office = office;
	}

	public String getAmountFrom() {
		return amountFrom;
	}

	public void setAmountFrom(String amountFrom) {
		this.amountFrom = amountFrom;
	}

	public String getAmountTo() {
		return amountTo;
	}

	public void setAmountTo(String amountTo) {
		this.amountTo = amountTo;
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getYear() {
		return year;
	}

	public void setYear(String year) {
		this.year = year;
	}

	public String getAfterAt() {
		return afterAt;
	}

	public void setAfterAt(String afterAt) {
		this.afterAt = afterAt;
	}

	public Long getAfterId() {
		return afterId;
	}

	public void setAfterId(Long afterId) {
		this.afterId = afterId;
	}

}
