package jp.kennin.retention.internal;

import java.io.IOException;
import java.util.List;

import jp.kennin.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the stored files the retention job listed, after the transaction that deleted
 * their rows committed. A row of {@code retention_file_tombstone} goes only once its file
 * is gone, so a crash or a storage outage leaves it for the next run; deleting a file
 * that is already gone is not an error (local directory and S3 alike).
 */
@Component
class FileTombstones {

	private static final Logger log = LoggerFactory.getLogger(FileTombstones.class);

	private static final int BATCH = 200;

	private static final int GIVE_UP = 10;

	private final JdbcClient jdbc;

	private final FileStorage storage;

	FileTombstones(JdbcClient jdbc, FileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	private record Tombstone(long id, String key) {
	}

	/**
	 * Deletes every listed file it can. A file that cannot be deleted keeps its row and
	 * is passed over; after {@value #GIVE_UP} failures in a row the storage is taken to
	 * be down and the rest waits for the next run.
	 * @return the files deleted
	 */
	int deleteAll() {
		int deleted = 0;
		int failuresInRow = 0;
		long after = 0;
		while (true) {
			List<Tombstone> batch = jdbc
				.sql("select id, storage_key from retention_file_tombstone where id > ? order by id fetch first "
						+ BATCH + " rows only")
				.param(after)
				.query((rs, n) -> new Tombstone(rs.getLong(1), rs.getString(2)))
				.list();
			if (batch.isEmpty()) {
				return deleted;
			}
			for (Tombstone t : batch) {
				after = t.id();
				try {
					storage.delete(t.key());
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Retention: could not delete stored file {} ({}); the next run tries again", t.key(),
							ex.getMessage());
					if (++failuresInRow >= GIVE_UP) {
						return deleted;
					}
					continue;
				}
				failuresInRow = 0;
				jdbc.sql("delete from retention_file_tombstone where id = ?").param(t.id()).update();
				deleted++;
			}
		}
	}

	int pending() {
		return jdbc.sql("select count(*) from retention_file_tombstone").query(Integer.class).single();
	}

}
