package jp.kennin.letter.internal;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import jp.kennin.platform.PdfGlyphs;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A PDF of letters, one A4 page per household, laid out for a 長3 window envelope: the
 * sheet folded in three, the address block in the top third where the window is. Built
 * for batches: the document keeps its page contents in a temporary file rather than the
 * heap, and the font and the (at most two) QR code images are loaded once per document
 * and shared by every page. The bundled IPAGothic is embedded as a subset; characters it
 * lacks print as 〓.
 */
final class LetterPdf implements Closeable {

	private static final String FONT = "fonts/ipag.ttf";

	private static final float MM = 72f / 25.4f;

	private static final PDRectangle A4 = PDRectangle.A4;

	/**
	 * The address block: 22 mm from the left and 20 mm from the top edge, 85 × 40 mm,
	 * inside the window of a 長3 envelope (window about 90 × 45 mm, 23 mm from the left
	 * and 13 mm from the top of the envelope, which is 3 mm longer than the folded
	 * sheet).
	 */
	static final float WINDOW_LEFT = 22 * MM;

	static final float WINDOW_TOP = 20 * MM;

	static final float WINDOW_WIDTH = 85 * MM;

	private static final float LEFT = 20 * MM;

	private static final float RIGHT = A4.getWidth() - 20 * MM;

	private static final float QR_SIZE = 34 * MM;

	/** Pixels per QR module in the image, so that a scan of a print stays sharp. */
	private static final int QR_SCALE = 8;

	private static volatile byte[] fontBytes;

	private final PDDocument document;

	private final TrueTypeFont trueType;

	private final PDType0Font font;

	private final Map<String, PDImageXObject> qrCodes = new HashMap<>();

	private final PdfGlyphs glyphs;

	private final Labels labels;

	private PDPageContentStream page;

	private int pages;

	LetterPdf(String title, Labels labels) throws IOException {
		// Page contents go to a temporary file: 10,000 pages do not fill the heap.
		this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
		this.document.getDocumentInformation().setTitle(title);
		// Without glyph substitution: PDFBox's GSUB pass for Latin runs a regex over
		// every
		// string shown, which took most of the time of a batch; Japanese text needs none.
		this.trueType = new TTFParser().parse(new RandomAccessReadBuffer(font()));
		this.trueType.setEnableGsub(false);
		this.font = PDType0Font.load(this.document, this.trueType, true);
		this.glyphs = new PdfGlyphs(this.font);
		this.labels = labels;
	}

	/** The fixed words of a letter, in Japanese whatever the staff's language. */
	interface Labels {

		String get(String key);

	}

	/** Adds one household's page. */
	void add(LetterPage common, LetterHousehold h) throws IOException {
		PDPage next = new PDPage(A4);
		this.document.addPage(next);
		try (PDPageContentStream out = new PDPageContentStream(this.document, next)) {
			this.page = out;
			addressBlock(h);
			sender(common);
			float y = 80 * MM;
			y = centred(common.title(), 16, y, true);
			y = centred(common.campaignTitle(), 11, y + 2 * MM, false);
			y += 6 * MM;
			y = lines(h.insuredName() + "　様", LEFT, y, 11, RIGHT - LEFT, false);
			y += 2 * MM;
			String body = common.body()
				.replace("{campaign}", common.campaignTitle())
				.replace("{deadline}", common.deadline())
				.replace("{name}", h.insuredName());
			y = lines(body, LEFT, y, 10.5f, RIGHT - LEFT, false);
			y = Math.max(y + 6 * MM, 150 * MM);
			y = details(common, h, y);
			desk(common, Math.max(y + 8 * MM, 240 * MM));
		}
		this.page = null;
		this.pages++;
	}

	int pages() {
		return this.pages;
	}

	/**
	 * Writes the document; without object-stream compression, which would hold every
	 * object in memory at once (the page contents are compressed anyway).
	 */
	void save(OutputStream out) throws IOException {
		this.document.save(out, CompressParameters.NO_COMPRESSION);
	}

	@Override
	public void close() throws IOException {
		try {
			this.document.close();
		}
		finally {
			this.trueType.close();
		}
	}

	private void addressBlock(LetterHousehold h) throws IOException {
		float y = WINDOW_TOP;
		if (h.postalCode() != null) {
			y = lines("〒" + h.postalCode(), WINDOW_LEFT, y, 11, WINDOW_WIDTH, false);
		}
		if (h.address1() != null) {
			y = lines(h.address1(), WINDOW_LEFT, y, 11, WINDOW_WIDTH, false);
		}
		if (h.address2() != null) {
			y = lines(h.address2(), WINDOW_LEFT, y, 11, WINDOW_WIDTH, false);
		}
		lines(h.recipient(), WINDOW_LEFT, y + 3 * MM, 14, WINDOW_WIDTH, false);
	}

	private void sender(LetterPage c) throws IOException {
		float x = 122 * MM;
		float width = RIGHT - x;
		float y = lines(c.tenantName(), x, WINDOW_TOP, 10.5f, width, true);
		if (c.returnPostalCode() != null && !c.returnPostalCode().isBlank()) {
			y = lines("〒" + c.returnPostalCode(), x, y, 9, width, false);
		}
		if (c.returnAddress() != null && !c.returnAddress().isBlank()) {
			lines(c.returnAddress(), x, y, 9, width, false);
		}
	}

	/**
	 * The box with what the member needs at hand, and the QR code of the sign-up (or
	 * login) page to its right.
	 */
	private float details(LetterPage c, LetterHousehold h, float top) throws IOException {
		String url = h.hasAccount() ? c.loginUrl() : c.signupUrl();
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { labels.get("letter.pdf.insured"), h.insuredName() });
		rows.add(new String[] { labels.get("letter.pdf.kigoBango"), h.kigo() + "　" + h.bango() });
		rows.add(new String[] { labels.get("letter.pdf.tenantCode"), c.tenantCode() });
		rows.add(new String[] { labels.get("letter.pdf.deadline"), c.deadline() });
		rows.add(new String[] { labels.get(h.hasAccount() ? "letter.pdf.loginUrl" : "letter.pdf.signupUrl"), url });
		float boxRight = RIGHT - QR_SIZE - 6 * MM;
		float labelWidth = 32 * MM;
		float y = top;
		this.page.setLineWidth(0.6f);
		for (String[] row : rows) {
			float rowTop = y;
			float end = lines(row[1], LEFT + labelWidth + 2 * MM, y + 1.5f * MM, 10.5f,
					boxRight - LEFT - labelWidth - 4 * MM, false);
			lines(row[0], LEFT + 2 * MM, y + 1.5f * MM, 9.5f, labelWidth - 3 * MM, false);
			y = end + 1.5f * MM;
			this.page.addRect(LEFT, pdfY(y), labelWidth, y - rowTop);
			this.page.addRect(LEFT + labelWidth, pdfY(y), boxRight - LEFT - labelWidth, y - rowTop);
			this.page.stroke();
		}
		this.page.drawImage(qr(url), RIGHT - QR_SIZE, pdfY(top + QR_SIZE), QR_SIZE, QR_SIZE);
		lines(labels.get("letter.pdf.qrCaption"), RIGHT - QR_SIZE, top + QR_SIZE + 1 * MM, 7.5f, QR_SIZE, false);
		// Below the QR code's caption too, which is taller than a short box.
		y = Math.max(y + 3 * MM, top + QR_SIZE + 14 * MM);
		return lines(labels.get(h.hasAccount() ? "letter.pdf.howLogin" : "letter.pdf.howSignup"), LEFT, y, 9.5f,
				RIGHT - LEFT, false);
	}

	private void desk(LetterPage c, float top) throws IOException {
		float y = lines(labels.get("letter.pdf.desk"), LEFT, top, 10, RIGHT - LEFT, true);
		for (String line : c.desk()) {
			y = lines(line, LEFT + 3 * MM, y, 9.5f, RIGHT - LEFT - 3 * MM, false);
		}
		lines(labels.get("letter.pdf.deskNote"), LEFT + 3 * MM, y, 9, RIGHT - LEFT - 3 * MM, false);
	}

	private float centred(String text, float size, float top, boolean bold) throws IOException {
		String line = printable(text);
		float width = this.font.getStringWidth(line) / 1000 * size;
		if (width > RIGHT - LEFT) {
			return lines(text, LEFT, top, size, RIGHT - LEFT, bold);
		}
		show(line, (A4.getWidth() - width) / 2, top + size, size, bold);
		return top + size * 1.5f;
	}

	/**
	 * Text wrapped to the width from {@code top} (points from the page's top edge).
	 * @return the top of the next line
	 */
	private float lines(String text, float x, float top, float size, float width, boolean bold) throws IOException {
		float y = top;
		for (String line : wrap(printable(text), size, width)) {
			show(line, x, y + size, size, bold);
			y += size * 1.45f;
		}
		return y;
	}

	private void show(String line, float x, float baselineFromTop, float size, boolean bold) throws IOException {
		if (line.isEmpty()) {
			return;
		}
		this.page.beginText();
		this.page.setFont(this.font, size);
		if (bold) {
			// The bundled font has no bold face: stroke the outline too.
			this.page.setRenderingMode(RenderingMode.FILL_STROKE);
			this.page.setLineWidth(size / 30);
		}
		else {
			this.page.setRenderingMode(RenderingMode.FILL);
		}
		this.page.newLineAtOffset(x, pdfY(baselineFromTop));
		this.page.showText(line);
		this.page.endText();
	}

	private List<String> wrap(String text, float size, float width) throws IOException {
		List<String> out = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			float lineWidth = 0;
			int i = 0;
			while (i < paragraph.length()) {
				int codePoint = paragraph.codePointAt(i);
				String glyph = new String(Character.toChars(codePoint));
				float glyphWidth = this.font.getStringWidth(glyph) / 1000 * size;
				if (lineWidth + glyphWidth > width && line.length() > 0) {
					int space = line.lastIndexOf(" ");
					if (codePoint < 0x2000 && Character.isLetterOrDigit(codePoint) && space > 0) {
						i -= line.length() - space - 1;
						line.setLength(space);
					}
					out.add(line.toString());
					line.setLength(0);
					lineWidth = 0;
					continue;
				}
				line.append(glyph);
				lineWidth += glyphWidth;
				i += glyph.length();
			}
			out.add(line.toString());
		}
		return out;
	}

	/** Tabs and carriage returns as spaces, characters without a glyph as 〓. */
	private String printable(String text) {
		return this.glyphs.printable(text);
	}

	/** The QR code of a URL, made once per document. */
	private PDImageXObject qr(String url) throws IOException {
		PDImageXObject image = this.qrCodes.get(url);
		if (image == null) {
			image = LosslessFactory.createFromImage(this.document, qrImage(url));
			this.qrCodes.put(url, image);
		}
		return image;
	}

	static BufferedImage qrImage(String url) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 2);
		hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("URL too long for a QR code", ex);
		}
		int size = matrix.getWidth() * QR_SCALE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, matrix.get(x / QR_SCALE, y / QR_SCALE) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	private static float pdfY(float fromTop) {
		return A4.getHeight() - fromTop;
	}

	private static byte[] font() {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException(FONT + " is missing");
				}
				bytes = in.readAllBytes();
				fontBytes = bytes;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return bytes;
	}

}
