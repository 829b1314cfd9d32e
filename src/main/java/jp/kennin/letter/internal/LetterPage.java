package jp.kennin.letter.internal;

import java.util.List;

/**
 * What every letter of one batch shares: the insurer, the campaign and the texts. The
 * URLs carry no personal data, so their QR codes are drawn once per document and reused
 * on every page.
 *
 * @param deadline the deadline as printed, e.g. 2026年9月17日(木) 23:59
 * @param desk the support desk lines (name, phone, hours, mail), empty ones left out
 */
record LetterPage(String tenantName, String tenantCode, String returnPostalCode, String returnAddress,
		String campaignTitle, String deadline, String title, String body, String signupUrl, String loginUrl,
		List<String> desk) {
}
