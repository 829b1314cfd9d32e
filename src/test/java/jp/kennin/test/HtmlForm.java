package jp.kennin.test;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A form page as the browser shows it: the error text next to a field (its
 * {@code <field>-error} element) and what a field holds, so tests assert what the person
 * sees rather than a string somewhere in the page.
 */
public final class HtmlForm {

	private final Document page;

	private HtmlForm(String html) {
		this.page = Jsoup.parse(html);
	}

	public static HtmlForm of(String html) {
		return new HtmlForm(html);
	}

	/** The text of the field's error element, or null when the field shows none. */
	public String error(String field) {
		Element error = page.getElementById(field + "-error");
		return error == null ? null : error.text();
	}

	/**
	 * Whether the field's error sits in a {@code form-field--error} block (the field
	 * marked red).
	 */
	public boolean marked(String field) {
		Element error = page.getElementById(field + "-error");
		return error != null && error.parents().stream().anyMatch(p -> p.hasClass("form-field--error"));
	}

	/** What the input or text area with this id holds (a text area's text as typed). */
	public String value(String id) {
		Element input = page.getElementById(id);
		if (input == null) {
			return null;
		}
		return "textarea".equals(input.tagName()) ? input.wholeText() : input.val();
	}

}
