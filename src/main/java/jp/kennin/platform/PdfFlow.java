package jp.kennin.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import org.springframework.core.io.ClassPathResource;

/**
 * Text flowing down A4 pages with PDFBox: paragraphs and two-column label/value tables,
 * wrapped to the width and continued on a new page when a page is full. The TrueType font
 * is embedded as a subset so the PDF shows Japanese on any machine; characters the font
 * lacks print as 〓 rather than failing the whole document. Shared by the member's receipt
 * copy (控え) and the removal notices (被扶養者削除のお知らせ, 資格喪失証明書).
 */
public final class PdfFlow implements Closeable {

	/** The bundled IPAGothic font on the classpath. */
	private static final String FONT = "fonts/ipag.ttf";

	private static volatile byte[] fontBytes;

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float MARGIN = 48;

	/** Points around the text of every table cell. */
	private static final float CELL_PADDING = 5;

	/** Line height as a multiple of the font size. */
	private static final float LEADING = 1.5f;

	/** The label column's share of a table's width (the value column has the rest). */
	private static final float LABEL_SHARE = 1f / 3;

	private static final float LABEL_GRAY = 0.93f;

	private final PDDocument document = new PDDocument();

	private final PDType0Font font;

	private final PdfGlyphs glyphs;

	private PDPageContentStream page;

	/** The top of the free space on the current page, from the bottom edge. */
	private float y;

	public PdfFlow(byte[] trueTypeFont, String title) throws IOException {
		this.font = PDType0Font.load(this.document, new ByteArrayInputStream(trueTypeFont), true);
		this.glyphs = new PdfGlyphs(this.font);
		this.document.getDocumentInformation().setTitle(title);
		newPage();
	}

	/** A paragraph in the full width, spacing points below what came before. */
	public void paragraph(String text, float size, boolean bold, float spacing) throws IOException {
		this.y -= spacing;
		for (String line : wrap(text, size, width())) {
			if (this.y - size * LEADING < MARGIN) {
				newPage();
			}
			this.y -= size * LEADING;
			show(line, MARGIN, this.y + size * (LEADING - 1) / 2 + size * 0.12f, size, bold);
		}
	}

	/** A table of label/value rows (label column shaded), 6 points above and below. */
	public void table(List<String[]> rows, float size) throws IOException {
		this.y -= 6;
		float labelWidth = width() * LABEL_SHARE;
		float valueWidth = width() - labelWidth;
		for (String[] row : rows) {
			List<String> labels = wrap(row[0], size, labelWidth - 2 * CELL_PADDING);
			List<String> values = wrap(row[1] == null ? "" : row[1], size, valueWidth - 2 * CELL_PADDING);
			int drawn = 0;
			while (drawn < Math.max(labels.size(), values.size())) {
				float lineHeight = size * LEADING;
				int fit = (int) ((this.y - MARGIN - 2 * CELL_PADDING) / lineHeight);
				if (fit < 1) {
					newPage();
					continue;
				}
				int lines = Math.min(fit, Math.max(labels.size(), values.size()) - drawn);
				float height = lines * lineHeight + 2 * CELL_PADDING;
				float bottom = this.y - height;
				this.page.setNonStrokingColor(LABEL_GRAY);
				this.page.addRect(MARGIN, bottom, labelWidth, height);
				this.page.fill();
				this.page.setNonStrokingColor(0f);
				this.page.setLineWidth(0.5f);
				this.page.addRect(MARGIN, bottom, labelWidth, height);
				this.page.addRect(MARGIN + labelWidth, bottom, valueWidth, height);
				this.page.stroke();
				cell(labels, drawn, lines, MARGIN + CELL_PADDING, size);
				cell(values, drawn, lines, MARGIN + labelWidth + CELL_PADDING, size);
				drawn += lines;
				this.y = bottom;
			}
		}
		this.y -= 6;
	}

	/** The bundled Japanese font, read once. */
	public static byte[] bundledFont() throws IOException {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return bytes;
	}

	/**
	 * A square box at the right edge with a caption above it, for a seal (印) to be
	 * pressed in; 12 points below what came before.
	 */
	public void sealBox(String caption, float side, float size) throws IOException {
		if (this.y - 12 - size * LEADING - side < MARGIN) {
			newPage();
		}
		this.y -= 12;
		float left = PAGE.getWidth() - MARGIN - side;
		this.y -= size * LEADING;
		show(printable(caption), left, this.y + size * 0.3f, size, false);
		this.page.setLineWidth(0.8f);
		this.page.addRect(left, this.y - side - 4, side, side);
		this.page.stroke();
		this.y -= side + 4;
	}

	/** A thin horizontal rule across the full width, 6 points below what came before. */
	public void rule() throws IOException {
		this.y -= 6;
		this.page.setLineWidth(0.5f);
		this.page.moveTo(MARGIN, this.y);
		this.page.lineTo(PAGE.getWidth() - MARGIN, this.y);
		this.page.stroke();
		this.y -= 6;
	}

	/** Starts a new page: each document of a bundle begins on one of its own. */
	public void pageBreak() throws IOException {
		newPage();
	}

	public byte[] toBytes() throws IOException {
		this.page.close();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.document.save(out);
		return out.toByteArray();
	}

	@Override
	public void close() throws IOException {
		this.document.close();
	}

	private void cell(List<String> lines, int from, int count, float x, float size) throws IOException {
		float lineHeight = size * LEADING;
		for (int i = from; i < Math.min(lines.size(), from + count); i++) {
			float baseline = this.y - CELL_PADDING - (i - from + 1) * lineHeight + size * (LEADING - 1) / 2
					+ size * 0.12f;
			show(lines.get(i), x, baseline, size, false);
		}
	}

	private void show(String line, float x, float baseline, float size, boolean bold) throws IOException {
		if (line.isEmpty()) {
			return;
		}
		this.page.beginText();
		this.page.setFont(this.font, size);
		if (bold) {
			// The bundled font has no bold face: stroke the outline as well, as word
			// processors do.
			this.page.setRenderingMode(RenderingMode.FILL_STROKE);
			this.page.setLineWidth(size / 30);
		}
		else {
			this.page.setRenderingMode(RenderingMode.FILL);
		}
		this.page.newLineAtOffset(x, baseline);
		this.page.showText(line);
		this.page.endText();
	}

	/**
	 * Lines that fit the width: broken at a space inside Latin words, anywhere in
	 * Japanese text.
	 */
	private List<String> wrap(String text, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String paragraph : printable(text).split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			float lineWidth = 0;
			int i = 0;
			while (i < paragraph.length()) {
				int codePoint = paragraph.codePointAt(i);
				String glyph = new String(Character.toChars(codePoint));
				float glyphWidth = this.font.getStringWidth(glyph) / 1000 * size;
				if (lineWidth + glyphWidth > width && line.length() > 0) {
					int space = line.lastIndexOf(" ");
					if (isLatin(codePoint) && space > 0) {
						i -= line.length() - space - 1;
						line.setLength(space);
					}
					lines.add(line.toString());
					line.setLength(0);
					lineWidth = 0;
					continue;
				}
				line.append(glyph);
				lineWidth += glyphWidth;
				i += glyph.length();
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static boolean isLatin(int codePoint) {
		return codePoint < 0x2000 && Character.isLetterOrDigit(codePoint);
	}

	/** Tabs, carriage returns and ideographic spaces as spaces; see {@link PdfGlyphs}. */
	private String printable(String text) {
		return this.glyphs.printable(text).replace('\u3000', ' ');
	}

	private float width() {
		return PAGE.getWidth() - 2 * MARGIN;
	}

	private void newPage() throws IOException {
		if (this.page != null) {
			this.page.close();
		}
		PDPage next = new PDPage(PAGE);
		this.document.addPage(next);
		this.page = new PDPageContentStream(this.document, next);
		this.y = PAGE.getHeight() - MARGIN;
	}

}
