package jp.kennin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt's PDF layout: Japanese text in the embedded IPAGothic subset, tables in
 * label/value order, long content continued on further pages, characters without a glyph
 * replaced instead of failing.
 */
class PdfFlowTests {

	@Test
	void japanese_text_is_written_in_the_embedded_font_and_reads_back() throws IOException {
		byte[] pdf;
		try (PdfFlow flow = new PdfFlow(font(), "回答の控え")) {
			flow.paragraph("回答の控え", 16, true, 0);
			flow.table(List.of(new String[] { "被保険者", "書類 太郎" }, new String[] { "所得証明書", "郵送で提出" }), 10);
			flow.paragraph("絵文字😀は印刷できない", 10, false, 0);
			pdf = flow.toBytes();
		}
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("回答の控え");
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("回答の控え").contains("被保険者書類太郎").contains("所得証明書郵送で提出").contains("絵文字〓は印刷できない");
			PDResources resources = doc.getPage(0).getResources();
			COSName name = resources.getFontNames().iterator().next();
			PDFont font = resources.getFont(name);
			assertThat(font).isInstanceOf(PDType0Font.class);
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).as("a subset, not the whole font").matches("[A-Z]{6}\\+.*");
		}
	}

	@Test
	void long_content_continues_on_further_pages() throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			rows.add(new String[] { "項目" + i, "長い回答の内容が入ります。".repeat(i % 7 + 1) });
		}
		byte[] pdf;
		try (PdfFlow flow = new PdfFlow(font(), "控え")) {
			flow.table(rows, 10);
			pdf = flow.toBytes();
		}
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isGreaterThan(2);
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("項目0長い回答").contains("項目79長い回答");
		}
	}

	private static byte[] font() throws IOException {
		try (InputStream in = new ClassPathResource("fonts/ipag.ttf").getInputStream()) {
			return in.readAllBytes();
		}
	}

}
