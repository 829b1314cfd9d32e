package jp.kennin.document.internal;

import java.util.concurrent.Semaphore;

import jp.kennin.document.DocumentKind;
import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;

/**
 * From uploaded bytes to what is kept: checks size and emptiness, decides the type from
 * the content, and hands images to {@link ImageProcessor}, PDFs to {@link PdfInspector},
 * HEIC (once {@link HeifContainer} proved its structure) to the optional converter. Pure
 * of storage and database, so it can be tested and benchmarked alone.
 */
class UploadProcessor {

	/**
	 * What to store. {@code thumbnail} is null when there is none (PDF, unconverted
	 * HEIC).
	 */
	record Processed(byte[] bytes, String contentType, DocumentKind kind, Integer width, Integer height,
			Integer pageCount, byte[] thumbnail, String thumbnailType) {
	}

	private final ImageProcessor images;

	private final HeicConverter heic;

	private final Semaphore decoding;

	private final long maxPixels;

	UploadProcessor(DocumentProperties properties) {
		this.maxPixels = properties.maxPixels();
		this.images = new ImageProcessor(properties);
		this.heic = new HeicConverter(properties.heicConverter(), properties.heicConverterTimeout());
		this.decoding = new Semaphore(Math.max(1, properties.concurrentProcessing()), true);
	}

	Processed process(byte[] content, long maxBytes) {
		if (content == null) {
			throw new DocumentRejectedException(DocumentProblem.NO_FILE);
		}
		if (content.length == 0) {
			throw new DocumentRejectedException(DocumentProblem.EMPTY);
		}
		if (content.length > maxBytes) {
			throw new DocumentRejectedException(DocumentProblem.TOO_LARGE, maxBytes / (1024 * 1024));
		}
		DetectedType type = DetectedType.of(content);
		return switch (type) {
			case JPEG, PNG -> image(content, type);
			case PDF -> new Processed(content, "application/pdf", DocumentKind.PDF, null, null,
					PdfInspector.pageCount(content), null, null);
			case HEIC -> heic(content);
			case UNSUPPORTED -> throw new DocumentRejectedException(DocumentProblem.UNSUPPORTED_TYPE);
		};
	}

	private Processed image(byte[] content, DetectedType type) {
		// Decoding a phone photo takes ~100 MB of heap: bound how many run at once so a
		// burst cannot exhaust it.
		decoding.acquireUninterruptibly();
		try {
			ImageProcessor.Result r = images.process(content, type);
			return new Processed(r.bytes(), r.contentType(), DocumentKind.IMAGE, r.width(), r.height(), null,
					r.thumbnail(), r.thumbnailType());
		}
		finally {
			decoding.release();
		}
	}

	/**
	 * A HEIC is stored or converted only once its boxes prove it is an image container:
	 * what merely starts with a HEIC {@code ftyp} (a script, a virus test file, a cut
	 * upload) is refused as unreadable.
	 */
	private Processed heic(byte[] content) {
		HeifContainer.Image image = HeifContainer.read(content)
			.orElseThrow(() -> new DocumentRejectedException(DocumentProblem.CORRUPT));
		if (image.width() > maxPixels / image.height()) { // width × height > limit,
															// without overflow
			throw new DocumentRejectedException(DocumentProblem.TOO_MANY_PIXELS, maxPixels / 10_000,
					maxPixels / 1_000_000);
		}
		byte[] jpeg = heic.toJpeg(content).orElse(null);
		if (jpeg != null && DetectedType.of(jpeg) == DetectedType.JPEG) {
			return image(jpeg, DetectedType.JPEG);
		}
		return new Processed(content, "image/heic", DocumentKind.HEIC_ORIGINAL, null, null, null, null, null);
	}

}
