package jp.kennin.test;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads a letter's QR code the way a phone's camera would: from the rendered page. */
public final class PdfQrCodes {

	private PdfQrCodes() {
	}

	/**
	 * Renders a page of a letter at 150 dpi and decodes the QR code in it.
	 * @param page from 0
	 */
	public static String decode(PDDocument pdf, int page) throws Exception {
		BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 150);
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		// The QR code sits in the right half of the details box; the rest of the page is
		// text, which only slows the search down.
		BufferedImage right = image.getSubimage(image.getWidth() / 2, image.getHeight() / 3, image.getWidth() / 2,
				image.getHeight() / 3);
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(right))), hints)
			.getText();
	}

}
