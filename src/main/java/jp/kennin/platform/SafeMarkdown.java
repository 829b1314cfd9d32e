package jp.kennin.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown written by staff (notices, the insurer's manual and FAQ), rendered to HTML and
 * then cleaned with jsoup's {@code relaxed} safelist: no script, style, event handler or
 * {@code javascript:} link can reach a member's page, whatever was typed.
 */
public final class SafeMarkdown {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("a", "rel")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer");

	private SafeMarkdown() {
	}

	public static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), SAFELIST);
	}

}
