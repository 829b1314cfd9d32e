package jp.kennin.document;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a document belongs to: the insured person's household (記号・番号) within a tenant.
 */
public record DocumentOwner(long tenantId, String kigo, String bango) {

	private static final Pattern PART = Pattern.compile("[0-9A-Za-z\\-]{1,10}");

	public DocumentOwner {
		Objects.requireNonNull(kigo, "kigo");
		Objects.requireNonNull(bango, "bango");
		if (!PART.matcher(kigo).matches() || !PART.matcher(bango).matches()) {
			throw new IllegalArgumentException("kigo and bango must be roster keys");
		}
	}

	/** The key stored with each document ({@code 記号:番号}). */
	public String key() {
		return kigo + ":" + bango;
	}

}
