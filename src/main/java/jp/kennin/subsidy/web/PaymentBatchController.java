package jp.kennin.subsidy.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.platform.Downloads;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyPayments.FileFormat;
import jp.kennin.subsidy.SubsidyPayments.PaymentFile;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;
import jp.kennin.subsidy.SubsidyRules;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * 補助金の支給: a fiscal year's payment batches with 今すぐ締める, one batch with its claims and
 * totals per office, its files (the payroll list as CSV or XLSX, the 全銀協 file) and 支給済み.
 * A refused action comes back to the page with the reason. Who may is
 * {@link SubsidyPayments}' rule.
 */
@Controller
class PaymentBatchController {

	static final String VIEW_LIST = "subsidy/payments/list";

	static final String VIEW_BATCH = "subsidy/payments/batch";

	/** The message keys of a refused 振込指定日, shown next to its field as well. */
	private static final String TRANSFER_DATE_PROBLEMS = "subsidy.payments.problem.transferDate";

	private final SubsidyPayments payments;

	private final Clock clock;

	PaymentBatchController(SubsidyPayments payments, Clock clock) {
		this.payments = payments;
		this.clock = clock;
	}

	@GetMapping("/admin/subsidy/payments")
	String list(StaffActor staff, @RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("overview", payments.overview(staff, year(year)));
		return VIEW_LIST;
	}

	@PostMapping("/admin/subsidy/payments/close")
	String close(StaffActor staff, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		int fiscalYear = year(year);
		try {
			long id = payments.closeNow(staff, fiscalYear);
			redirect.addFlashAttribute("done", "subsidy.payments.done.closed");
			return "redirect:/admin/subsidy/payments/" + id;
		}
		catch (PaymentProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			return "redirect:/admin/subsidy/payments?year=" + fiscalYear;
		}
	}

	@GetMapping("/admin/subsidy/payments/{id}")
	String batch(StaffActor staff, @PathVariable long id, Model model) {
		model.addAttribute("detail", payments.batch(staff, id));
		model.addAttribute("today", JapanTime.today(clock));
		return VIEW_BATCH;
	}

	@GetMapping("/admin/subsidy/payments/{id}/payroll.csv")
	ResponseEntity<byte[]> csv(StaffActor staff, @PathVariable long id, HttpServletRequest request,
			HttpServletResponse response) {
		return download(staff, id, FileFormat.CSV, request, response);
	}

	@GetMapping("/admin/subsidy/payments/{id}/payroll.xlsx")
	ResponseEntity<byte[]> xlsx(StaffActor staff, @PathVariable long id, HttpServletRequest request,
			HttpServletResponse response) {
		return download(staff, id, FileFormat.XLSX, request, response);
	}

	@GetMapping("/admin/subsidy/payments/{id}/zengin.txt")
	ResponseEntity<byte[]> zengin(StaffActor staff, @PathVariable long id, HttpServletRequest request,
			HttpServletResponse response) {
		return download(staff, id, FileFormat.ZENGIN, request, response);
	}

	/**
	 * Makes the 全銀 file with the 振込指定日 typed (which locks the batch), then back to the
	 * batch page, which offers the download; a refused date is named next to its field.
	 */
	@PostMapping("/admin/subsidy/payments/{id}/zengin")
	String makeTransferFile(StaffActor staff, @PathVariable long id,
			@RequestParam(required = false) String transferDate, RedirectAttributes redirect) {
		try {
			payments.makeTransferFile(staff, id, date(transferDate, "subsidy.payments.problem.transferDateInvalid"));
			redirect.addFlashAttribute("done", "subsidy.payments.done.transferMade");
		}
		catch (PaymentProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			redirect.addFlashAttribute("payees", problem.payees());
			redirect.addFlashAttribute("transferDate", transferDate == null ? "" : transferDate);
			if (problem.messageKey().startsWith(TRANSFER_DATE_PROBLEMS)) {
				redirect.addFlashAttribute("transferDateError", problem.messageKey());
			}
		}
		return "redirect:/admin/subsidy/payments/" + id;
	}

	@PostMapping("/admin/subsidy/payments/{id}/paid")
	String paid(StaffActor staff, @PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String paidOn, RedirectAttributes redirect) {
		try {
			payments.markPaid(staff, id, version == null ? -1 : version,
					date(paidOn, "subsidy.payments.problem.paidOnInvalid"));
			redirect.addFlashAttribute("done", "subsidy.payments.done.paid");
		}
		catch (PaymentProblem problem) {
			redirect.addFlashAttribute("problem", problem.messageKey());
			redirect.addFlashAttribute("paidOn", paidOn == null ? "" : paidOn);
		}
		return "redirect:/admin/subsidy/payments/" + id;
	}

	private ResponseEntity<byte[]> download(StaffActor staff, long id, FileFormat format, HttpServletRequest request,
			HttpServletResponse response) {
		PaymentFile file;
		try {
			file = payments.export(staff, id, format);
		}
		catch (PaymentProblem problem) {
			// back to the batch page, which names the problem (and each payee that cannot
			// be paid)
			String path = "/admin/subsidy/payments/" + id;
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("problem", problem.messageKey());
			flash.put("payees", problem.payees());
			flash.setTargetRequestPath(request.getContextPath() + path);
			RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(request.getContextPath() + path))
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(Downloads.safeFileName(file.fileName()), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(file.content());
	}

	private int year(Integer year) {
		if (year == null) {
			return SubsidyRules.fiscalYearOf(JapanTime.today(clock));
		}
		if (year < 2000 || year > 2100) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return year;
	}

	/**
	 * A Japan date as typed: 2026-12-25, 2026/12/25, full-width digits; null when empty
	 * or not a date (the service names the problem).
	 */
	static LocalDate date(String text, String invalidKey) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date = TypedValues.date(text);
		if (date == null) {
			throw new PaymentProblem(invalidKey);
		}
		return date;
	}

}
