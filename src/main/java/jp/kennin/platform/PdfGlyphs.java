package jp.kennin.platform;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * What of a text one embedded font can print: line breaks kept, tabs and other controls
 * as spaces, and characters the font has no glyph for (an emoji, a rare 外字) as 〓, the
 * sign Japanese print uses for a missing character, instead of PDFBox's exception. The
 * answer per character is kept, since a batch of letters asks for the same ones again.
 * Shared by every PDF Kennin writes (notices, letters, receipts).
 */
public final class PdfGlyphs {

	private final PDType0Font font;

	private final Map<Integer, Boolean> known = new HashMap<>();

	public PdfGlyphs(PDType0Font font) {
		this.font = font;
	}

	/** The text as the font can print it; the ideographic space (U+3000) is kept. */
	public String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int codePoint : text.replace("\r\n", "\n").codePoints().toArray()) {
			if (codePoint == '\n') {
				out.append('\n');
			}
			else if (codePoint == '\u3000') {
				out.append('\u3000');
			}
			else if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
				out.append(' ');
			}
			else if (hasGlyph(codePoint)) {
				out.appendCodePoint(codePoint);
			}
			else {
				out.append('〓');
			}
		}
		return out.toString();
	}

	public boolean hasGlyph(int codePoint) {
		return this.known.computeIfAbsent(codePoint, c -> {
			try {
				this.font.encode(new String(Character.toChars(c)));
				return true;
			}
			catch (IOException | IllegalArgumentException ex) {
				return false;
			}
		});
	}

}
