package jp.kennin.roster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.internal.ImportRecord.Status;
import jp.kennin.storage.FileStorage;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The staff page's import: the upload is kept in file storage, checked in the background
 * (the page shows the progress), and applied from the same stored file once confirmed.
 * Both runs go through {@link RosterImports#run}; the stored file is deleted when the
 * import ends either way.
 */
@Service
public class PageImports {

	/**
	 * How long a checked file waits for 「名簿に反映する」 before it expires (ImportHousekeeping).
	 */
	public static final Duration CONFIRM_WITHIN = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(PageImports.class);

	private final RosterImports imports;

	private final ImportRecords records;

	private final FileStorage storage;

	private final TaskExecutor executor;

	PageImports(RosterImports imports, ImportRecords records, FileStorage storage,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.imports = imports;
		this.records = records;
		this.storage = storage;
		this.executor = executor;
	}

	public record Actor(long tenantId, String loginId, String role, String ip) {
	}

	/**
	 * Stores the upload (streamed, never whole in memory) and starts checking it; returns
	 * the import's ID for the progress page.
	 * @param size the file's size in bytes, for the progress shown while it is checked
	 */
	public long upload(Actor actor, Mode mode, String fileName, long size, InputStream content) throws IOException {
		String key = storage.put(content);
		ImportRequest request = request(actor, mode, fileName, true);
		long id = imports.register(request, key, size);
		executor.execute(() -> run(request, key, id, false));
		return id;
	}

	/**
	 * Applies a checked import; false if it is not waiting for confirmation (already
	 * confirmed or gone).
	 */
	public boolean confirm(Actor actor, long id) {
		ImportRecord record = records.find(actor.tenantId(), id).orElse(null);
		if (record == null || !records.transition(actor.tenantId(), id, Status.READY, Status.APPLYING)) {
			return false;
		}
		ImportRequest request = request(actor, record.mode(), record.fileName(), false);
		records.progress(id, 0, 0); // counted again while applying; the check left its
									// total here
		executor.execute(() -> run(request, record.storageKey(), id, true));
		return true;
	}

	public boolean cancel(Actor actor, long id) {
		ImportRecord record = records.find(actor.tenantId(), id).orElse(null);
		if (record == null || !records.transition(actor.tenantId(), id, Status.READY, Status.CANCELLED)) {
			return false;
		}
		delete(record.storageKey());
		return true;
	}

	private void run(ImportRequest request, String key, long id, boolean last) {
		try (InputStream in = storage.get(key).orElseThrow(() -> new IOException("stored roster file missing"))) {
			var result = imports.run(request, in, id);
			if (last || !result.valid()) {
				delete(key);
			}
		}
		catch (IOException ex) {
			log.error("Roster import {} cannot read its stored file", id, ex);
			records.finish(id, Status.FAILED, null, List.of(RosterTexts.problem(null, null, "storedFileUnreadable")),
					1);
		}
		catch (RuntimeException ex) {
			log.error("Roster import {} stopped", id, ex);
			delete(key);
		}
	}

	private void delete(String key) {
		try {
			storage.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete stored roster file of an import: {}", ex.getMessage());
		}
	}

	private static ImportRequest request(Actor actor, Mode mode, String fileName, boolean dryRun) {
		return new ImportRequest(actor.tenantId(), mode, Source.PAGE, fileName, actor.loginId(), actor.role(),
				actor.ip(), dryRun);
	}

}
