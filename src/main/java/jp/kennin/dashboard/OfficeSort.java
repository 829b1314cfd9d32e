package jp.kennin.dashboard;

/** The columns the office table sorts by (server side, a link per header). */
public enum OfficeSort {

	OFFICE, TARGETS, REGISTERED, STARTED, SUBMITTED, RATE, DECIDED, RETURNED;

	/** The sort named in a URL, or {@link #OFFICE}. */
	public static OfficeSort parse(String value) {
		for (OfficeSort s : values()) {
			if (s.name().equalsIgnoreCase(value)) {
				return s;
			}
		}
		return OFFICE;
	}

}
