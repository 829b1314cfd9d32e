package jp.kennin.document.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import jp.kennin.document.DocumentPages.PageProblem;
import jp.kennin.document.DocumentPages.PageUnavailableException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders PDF pages to PNG with limits a hostile PDF cannot get past: parsing spills to
 * temporary files beyond a few MB, the pixel size is capped whatever the page box says,
 * and each job runs on a small bounded pool with a timeout, so a page that never finishes
 * costs one worker thread and never a request thread or the heap.
 */
final class PdfPageRenderer implements AutoCloseable {

	/** Staff read small print at this resolution; A4 becomes about 1075 x 1520 pixels. */
	static final float DPI = 130;

	/** Longer side of a rendered page, whatever its box. */
	static final int MAX_LONG_SIDE = 2200;

	/** About 16 MB of ARGB at most per page. */
	static final long MAX_PIXELS = 4_000_000;

	private static final long MAIN_MEMORY = 8L * 1024 * 1024;

	private static final long MAX_STORAGE = 256L * 1024 * 1024;

	private final ThreadPoolExecutor pool;

	private final Duration timeout;

	PdfPageRenderer(int threads, Duration timeout) {
		AtomicInteger n = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(8), r -> {
			Thread t = new Thread(r, "pdf-page-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.pool.allowCoreThreadTimeOut(true);
		this.timeout = timeout;
	}

	/** The number of pages. */
	int pageCount(byte[] pdf) {
		return run(() -> {
			try (PDDocument doc = load(pdf)) {
				return doc.getNumberOfPages();
			}
		});
	}

	/** Page {@code index} (0-based, must exist) as a PNG. */
	Rendered render(byte[] pdf, int index) {
		return run(() -> {
			try (PDDocument doc = load(pdf)) {
				if (index < 0 || index >= doc.getNumberOfPages()) {
					throw new IllegalArgumentException("no page " + index);
				}
				PDPage page = doc.getPage(index);
				float scale = scale(page.getCropBox());
				PDFRenderer renderer = new PDFRenderer(doc);
				// Huge embedded images are decoded at the resolution drawn, not in full.
				renderer.setSubsamplingAllowed(true);
				BufferedImage image = renderer.renderImage(index, scale, ImageType.RGB);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				if (!ImageIO.write(image, "png", out)) {
					throw new IOException("no PNG writer");
				}
				return new Rendered(out.toByteArray(), image.getWidth(), image.getHeight());
			}
		});
	}

	/** DPI/72, reduced so that the image stays within the size limits. */
	static float scale(PDRectangle box) {
		float w = box.getWidth();
		float h = box.getHeight();
		if (!(w >= 1 && h >= 1) || Float.isInfinite(w) || Float.isInfinite(h)) {
			throw new PageUnavailableException(PageProblem.UNREADABLE);
		}
		float scale = DPI / 72f;
		scale = Math.min(scale, MAX_LONG_SIDE / Math.max(w, h));
		double pixels = (double) w * h * scale * scale;
		if (pixels > MAX_PIXELS) {
			scale = (float) (scale * Math.sqrt(MAX_PIXELS / pixels));
		}
		return Math.max(scale, 1f / 72f);
	}

	private static PDDocument load(byte[] pdf) throws IOException {
		PDDocument doc = Loader.loadPDF(pdf, "", null, null,
				MemoryUsageSetting.setupMixed(MAIN_MEMORY, MAX_STORAGE).streamCache);
		if (doc.isEncrypted()) {
			doc.close();
			throw new PageUnavailableException(PageProblem.UNREADABLE);
		}
		return doc;
	}

	private <T> T run(Callable<T> job) {
		Future<T> future;
		try {
			future = pool.submit(job);
		}
		catch (RejectedExecutionException ex) {
			throw new PageUnavailableException(PageProblem.BUSY);
		}
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new PageUnavailableException(PageProblem.TOO_COMPLEX);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new PageUnavailableException(PageProblem.BUSY);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof PageUnavailableException unavailable) {
				throw unavailable;
			}
			if (cause instanceof IllegalArgumentException missing) {
				throw missing;
			}
			if (cause instanceof OutOfMemoryError) {
				throw new PageUnavailableException(PageProblem.TOO_COMPLEX);
			}
			// IOException, parser RuntimeExceptions, StackOverflowError of a deep
			// object graph: the file cannot be rendered.
			throw new PageUnavailableException(PageProblem.UNREADABLE);
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

	record Rendered(byte[] png, int width, int height) {
	}

}
