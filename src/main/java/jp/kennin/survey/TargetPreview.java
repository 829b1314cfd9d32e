package jp.kennin.survey;

import java.util.List;

/**
 * How many households (insured persons with at least one selected dependent) and
 * dependents a campaign's rules select, per office.
 */
public record TargetPreview(List<OfficeCount> offices) {

	public long households() {
		return offices.stream().mapToLong(OfficeCount::households).sum();
	}

	public long dependents() {
		return offices.stream().mapToLong(OfficeCount::dependents).sum();
	}

	public record OfficeCount(String officeCode, String officeName, long households, long dependents) {
	}

}
