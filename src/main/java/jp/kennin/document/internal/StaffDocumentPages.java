package jp.kennin.document.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.kennin.document.DocumentKind;
import jp.kennin.document.DocumentPages;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.StaffActor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Checks and audits through {@link JdbcDocuments} (one transaction, before any work),
 * then renders outside it, so no database connection waits for PDFBox. Rendered pages and
 * page counts are cached in memory by tenant, document and page: stored bytes never
 * change, and every request is still authorised and audited before the cache is
 * consulted.
 */
@Service
class StaffDocumentPages implements DocumentPages, DisposableBean {

	/** Rendered PNGs kept in memory, about 30 pages of A4. */
	private static final long CACHE_BYTES = 24L * 1024 * 1024;

	private final JdbcDocuments documents;

	private final PdfPageRenderer renderer = new PdfPageRenderer(2, Duration.ofSeconds(15));

	private final PngCache cache = new PngCache(CACHE_BYTES);

	/**
	 * Page counts (by tenant and document) and the problems of PDFs and pages that could
	 * not be rendered (by tenant, document and page), so a hostile file costs its render
	 * time once.
	 */
	private final Map<String, Object> counts = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
			return size() > 500;
		}
	};

	StaffDocumentPages(JdbcDocuments documents) {
		this.documents = documents;
	}

	@Override
	public Optional<PageCount> pagesForStaff(StaffActor actor, long id) {
		return documents.viewForStaff(actor, id, Map.of("view", "pages")).map(this::count);
	}

	@Override
	public Optional<PageImage> pageForStaff(StaffActor actor, long id, int page) {
		Optional<StoredDocument> found = documents.viewForStaff(actor, id,
				Map.of("view", "page", "page", String.valueOf(page)));
		if (found.isEmpty() || found.get().kind() != DocumentKind.PDF || page < 1 || page > MAX_PAGES) {
			return Optional.empty();
		}
		StoredDocument doc = found.get();
		String key = doc.tenantId() + ":" + doc.id() + ":" + page;
		PdfPageRenderer.Rendered cached = cache.get(key);
		if (cached != null) {
			return Optional.of(new PageImage(doc, page, cached.png(), cached.width(), cached.height()));
		}
		PageCount count = count(doc);
		if (count.problem() != null) {
			throw new PageUnavailableException(count.problem());
		}
		if (page > count.shown()) {
			return Optional.empty();
		}
		PageProblem failed;
		synchronized (counts) {
			failed = (PageProblem) counts.get(key);
		}
		if (failed != null) {
			throw new PageUnavailableException(failed);
		}
		Optional<byte[]> bytes = documents.storedBytes(doc);
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		PdfPageRenderer.Rendered rendered;
		try {
			rendered = renderer.render(bytes.get(), page - 1);
		}
		catch (PageUnavailableException ex) {
			// A page that timed out once would only tie up a worker again: remembered
			// (unlike BUSY, which says nothing about the page).
			if (ex.problem() != PageProblem.BUSY) {
				synchronized (counts) {
					counts.put(key, ex.problem());
				}
			}
			throw ex;
		}
		cache.put(key, rendered);
		return Optional.of(new PageImage(doc, page, rendered.png(), rendered.width(), rendered.height()));
	}

	private PageCount count(StoredDocument doc) {
		if (doc.kind() != DocumentKind.PDF) {
			return new PageCount(doc, 1, 1, null);
		}
		String key = doc.tenantId() + ":" + doc.id();
		Object known;
		synchronized (counts) {
			known = counts.get(key);
		}
		if (known == null) {
			try {
				known = documents.storedBytes(doc).map(renderer::pageCount).orElse(0);
			}
			catch (PageUnavailableException ex) {
				known = ex.problem();
			}
			if (known != PageProblem.BUSY) {
				synchronized (counts) {
					counts.put(key, known);
				}
			}
		}
		if (known instanceof PageProblem problem) {
			return new PageCount(doc, 0, 0, problem);
		}
		int pages = (Integer) known;
		return new PageCount(doc, pages, Math.min(pages, MAX_PAGES), pages < 1 ? PageProblem.UNREADABLE : null);
	}

	@Override
	public void destroy() {
		renderer.close();
	}

	/** Least recently used first out, bounded by total bytes. */
	static final class PngCache {

		private final long maxBytes;

		private long bytes;

		private final LinkedHashMap<String, PdfPageRenderer.Rendered> entries = new LinkedHashMap<>(64, 0.75f, true);

		PngCache(long maxBytes) {
			this.maxBytes = maxBytes;
		}

		synchronized PdfPageRenderer.Rendered get(String key) {
			return entries.get(key);
		}

		synchronized void put(String key, PdfPageRenderer.Rendered value) {
			if (value.png().length > maxBytes / 4) {
				return;
			}
			PdfPageRenderer.Rendered old = entries.put(key, value);
			bytes += value.png().length - (old == null ? 0 : old.png().length);
			var it = entries.entrySet().iterator();
			while (bytes > maxBytes && it.hasNext()) {
				bytes -= it.next().getValue().png().length;
				it.remove();
			}
		}

	}

}
