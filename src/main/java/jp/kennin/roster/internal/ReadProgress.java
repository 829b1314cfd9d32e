package jp.kennin.roster.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the check of an uploaded file has read it, by bytes, for the progress page. Kept in memory on
 * the node that runs the check (the table has no column for it): a progress page served by another node
 * shows only the rows.
 */
class ReadProgress {

	private record Reading(long size, AtomicLong read) {
	}

	private final Map<Long, Reading> readings = new ConcurrentHashMap<>();

	/** Counts what is read from {@code in} until {@link #done}. */
	InputStream track(long importId, long size, InputStream in) {
		if (size <= 0) {
			return in;
		}
		AtomicLong read = new AtomicLong();
		readings.put(importId, new Reading(size, read));
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					read.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				if (n > 0) {
					read.addAndGet(n);
				}
				return n;
			}

		};
	}

	void done(long importId) {
		readings.remove(importId);
	}

	/** 0–99 while the file is being read here (100 only once the import has finished). */
	OptionalInt percent(long importId) {
		Reading reading = readings.get(importId);
		return reading == null ? OptionalInt.empty() : OptionalInt.of(capped(reading.read().get(), reading.size()));
	}

	static int capped(long done, long total) {
		return (int) Math.min(99, Math.max(0, done * 100 / total));
	}

}
