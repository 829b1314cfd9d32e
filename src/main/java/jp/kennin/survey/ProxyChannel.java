package jp.kennin.survey;

/**
 * How an answer entered by staff on a member's behalf (代行入力) reached the insurer: 紙 (a
 * paper form), 電話 (a phone call) or 窓口 (at the counter). A submission without one came
 * from the member on the web. Stored as the constant's name; labelled through
 * {@code survey.proxy.channel.<NAME>}.
 */
public enum ProxyChannel {

	/** 紙: the member sent the paper form. */
	PAPER,
	/** 電話: the member answered by phone. */
	PHONE,
	/** 窓口: the member came to the counter. */
	COUNTER;

	/** The channel of a stored name; null for none (the web) or an unknown name. */
	public static ProxyChannel parse(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		for (ProxyChannel c : values()) {
			if (c.name().equals(name)) {
				return c;
			}
		}
		return null;
	}

}
