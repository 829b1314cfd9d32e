package jp.kennin.document.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;

/**
 * Turns an uploaded JPEG or PNG into a clean copy: the size is read from the header and
 * checked against the pixel-flood limit before any pixel is decoded; then orientation is
 * applied, the image downscaled and re-encoded without any metadata (so EXIF, GPS and
 * comments are gone). JPEG stays JPEG; PNG stays PNG (lossless, keeps screenshots and
 * transparency readable).
 */
class ImageProcessor {

	record Result(byte[] bytes, String contentType, int width, int height, byte[] thumbnail, String thumbnailType) {
	}

	private final DocumentProperties properties;

	ImageProcessor(DocumentProperties properties) {
		this.properties = properties;
	}

	Result process(byte[] content, DetectedType type) {
		String format = type == DetectedType.PNG ? "png" : "jpeg";
		BufferedImage decoded = decode(content, format);
		int orientation = type == DetectedType.JPEG ? JpegOrientation.of(content) : 1;
		boolean alpha = type == DetectedType.PNG && decoded.getColorModel().hasAlpha();
		BufferedImage clean = scaleAndOrient(decoded, properties.maxLongSide(), orientation, alpha);
		BufferedImage thumb = scaleAndOrient(clean, properties.thumbnailLongSide(), 1, alpha);
		String contentType = type == DetectedType.PNG ? "image/png" : "image/jpeg";
		return new Result(encode(clean, format), contentType, clean.getWidth(), clean.getHeight(),
				encode(thumb, format), contentType);
	}

	private BufferedImage decode(byte[] content, String format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			ImageReader reader = reader(format);
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > properties.maxPixels()) {
					throw new DocumentRejectedException(DocumentProblem.TOO_MANY_PIXELS,
							properties.maxPixels() / 10_000, properties.maxPixels() / 1_000_000);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = subsampling(Math.max(reader.getWidth(0), reader.getHeight(0)));
				param.setSourceSubsampling(step, step, 0, 0);
				// A truncated JPEG decodes "successfully" with a grey bottom and only a
				// warning: refuse it.
				boolean[] damaged = { false };
				reader.addIIOReadWarningListener((source, warning) -> damaged[0] = true);
				BufferedImage image = reader.read(0, param);
				if (damaged[0] || image == null || image.getWidth() == 0 || image.getHeight() == 0) {
					throw new DocumentRejectedException(DocumentProblem.CORRUPT);
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof DocumentRejectedException rejected) {
				throw rejected;
			}
			// Truncated data, an unsupported colour model (e.g. CMYK JPEG) or a decoder
			// bug: not readable.
			throw new DocumentRejectedException(DocumentProblem.CORRUPT);
		}
	}

	/**
	 * How many rows and columns the decoder may skip: the largest step that still keeps
	 * at least {@value #KEPT_SHARE_PERCENT} % of the kept size on the longer side.
	 * Decoding every second pixel of a 12-megapixel phone photo (4032 → 2016) needs no
	 * downscale afterwards and halves the CPU of an upload (docs/benchmarks.md, deadline
	 * rush), which is what bounds uploads at a deadline; a document photo stays legible
	 * at that size.
	 */
	int subsampling(int longSide) {
		int step = 1;
		while (longSide / (step + 1) * 100 >= (long) properties.maxLongSide() * KEPT_SHARE_PERCENT) {
			step++;
		}
		return step;
	}

	static final int KEPT_SHARE_PERCENT = 80;

	/** The JDK's own reader, not one a library registered (they differ in robustness). */
	private static ImageReader reader(String format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		ImageReader fallback = null;
		while (readers.hasNext()) {
			ImageReader r = readers.next();
			if (r.getClass().getName().startsWith("com.sun.imageio.")) {
				return r;
			}
			fallback = fallback == null ? r : fallback;
		}
		if (fallback == null) {
			throw new IllegalStateException("no ImageIO reader for " + format);
		}
		return fallback;
	}

	/**
	 * Scales so the longer side is at most {@code maxLongSide} and applies the EXIF
	 * orientation in the same draw. Large reductions go in halving steps first, which
	 * keeps bilinear scaling sharp. When no scaling is left (the decoder's subsampling
	 * already reached the size, the common case for a phone photo), the last draw only
	 * moves whole pixels, so it samples the nearest pixel instead of interpolating (the
	 * same pixels, a quarter of the CPU), and an upright image that needs no conversion
	 * is kept as decoded.
	 */
	static BufferedImage scaleAndOrient(BufferedImage source, int maxLongSide, int orientation, boolean alpha) {
		BufferedImage current = source;
		double scale = Math.min(1.0, (double) maxLongSide / Math.max(source.getWidth(), source.getHeight()));
		int targetW = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int targetH = Math.max(1, (int) Math.round(source.getHeight() * scale));
		while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
			current = draw(current, current.getWidth() / 2, current.getHeight() / 2, new AffineTransform(), alpha,
					false);
		}
		boolean unscaled = current.getWidth() == targetW && current.getHeight() == targetH;
		if (unscaled && orientation <= 1 && current.getType() == imageType(alpha)) {
			return current;
		}
		boolean swap = orientation >= 5;
		int outW = swap ? targetH : targetW;
		int outH = swap ? targetW : targetH;
		AffineTransform transform = orientationTransform(orientation, targetW, targetH);
		transform.scale((double) targetW / current.getWidth(), (double) targetH / current.getHeight());
		return draw(current, outW, outH, transform, alpha, unscaled);
	}

	/**
	 * Maps the stored image (w × h, already scaled) onto the upright one (EXIF
	 * orientation 1–8).
	 */
	static AffineTransform orientationTransform(int orientation, int w, int h) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> new AffineTransform();
		};
	}

	/**
	 * The layout of the images drawn here: three bytes per pixel is what the JPEG writer
	 * takes as it is; from packed ints it unpacks every pixel first (a third of the
	 * encoding time of a phone photo).
	 */
	private static int imageType(boolean alpha) {
		return alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR;
	}

	private static BufferedImage draw(BufferedImage source, int w, int h, AffineTransform transform, boolean alpha,
			boolean wholePixels) {
		BufferedImage out = new BufferedImage(w, h, imageType(alpha));
		Graphics2D g = out.createGraphics();
		try {
			if (!alpha) {
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, w, h);
			}
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
					wholePixels ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
							: RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(source, transform, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private byte[] encode(BufferedImage image, String format) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			if ("jpeg".equals(format)) {
				param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				param.setCompressionQuality(properties.jpegQuality());
				param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
			}
			// No metadata is passed, so none of the upload's EXIF, GPS or text chunks are
			// written.
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("image encoding failed", ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
