package jp.kennin.survey.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.RequiredDocument;
import jp.kennin.survey.FormDependent;

import org.springframework.context.MessageSource;

/**
 * The upload slots of one dependent: one per document the answers require, plus 「その他の書類」.
 */
final class DocumentSlots {

	static final String OTHER = "OTHER";

	private DocumentSlots() {
	}

	record Slot(String code, String label, String hint, List<StoredDocument> files) {
	}

	static List<Slot> of(FormDependent dependent, EligibilityResult result, List<StoredDocument> household,
			MessageSource messages, Locale locale) {
		List<Slot> slots = new ArrayList<>();
		if (result != null) {
			for (RequiredDocument doc : result.documents()) {
				slots.add(new Slot(doc.code(), doc.displayName(locale), doc.explanation(locale),
						files(household, dependent, doc.code())));
			}
		}
		slots.add(new Slot(OTHER, messages.getMessage("survey.documents.other", null, locale),
				messages.getMessage("survey.documents.otherHint", null, locale), files(household, dependent, OTHER)));
		return slots;
	}

	/**
	 * Files of the dependent that fit no current slot (the answers changed after
	 * uploading).
	 */
	static List<StoredDocument> unplaced(FormDependent dependent, List<Slot> slots, List<StoredDocument> household) {
		List<String> codes = slots.stream().map(Slot::code).toList();
		return household.stream()
			.filter(d -> d.subjectPersonId() != null && d.subjectPersonId() == dependent.rosterPersonId())
			.filter(d -> !codes.contains(d.slot()))
			.toList();
	}

	/** Every slot code's name (the required documents and 「その他の書類」), for staff lists. */
	static Map<String, String> names(MessageSource messages, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (RequiredDocument doc : RequiredDocument.values()) {
			names.put(doc.code(), doc.displayName(locale));
		}
		names.put(OTHER, messages.getMessage("survey.documents.other", null, locale));
		return names;
	}

	static List<StoredDocument> ofDependent(FormDependent dependent, List<StoredDocument> household) {
		return household.stream()
			.filter(d -> d.subjectPersonId() != null && d.subjectPersonId() == dependent.rosterPersonId())
			.toList();
	}

	private static List<StoredDocument> files(List<StoredDocument> household, FormDependent dependent, String slot) {
		return household.stream()
			.filter(d -> slot.equals(d.slot()) && d.subjectPersonId() != null
					&& d.subjectPersonId() == dependent.rosterPersonId())
			.toList();
	}

}
