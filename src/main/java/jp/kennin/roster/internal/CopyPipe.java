package jp.kennin.roster.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands chunks of COPY data to a second thread that sends them to the database, so that
 * reading and validating the file overlaps with the network and the server's work. The
 * queue is bounded (a few chunks), so memory stays flat even if the database is slower
 * than the parser.
 */
final class CopyPipe {

	interface ChunkWriter {

		void write(byte[] chunk) throws Exception;

	}

	private static final byte[] END = new byte[0];

	private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);

	private final Thread thread;

	private volatile Throwable failure;

	CopyPipe(ChunkWriter writer) {
		this.thread = new Thread(() -> drain(writer), "roster-copy");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void send(byte[] chunk) {
		rethrow();
		try {
			queue.put(chunk);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			abort();
			throw new IllegalStateException("interrupted while loading the roster", ex);
		}
	}

	/**
	 * Waits until everything sent has been written; throws what the writer failed with,
	 * if anything.
	 */
	void finish() {
		send(END);
		join();
		rethrow();
	}

	/** Stops the writer, discarding what it has not written yet. */
	void abort() {
		queue.clear();
		queue.offer(END);
		join();
	}

	private void drain(ChunkWriter writer) {
		while (true) {
			byte[] chunk;
			try {
				chunk = queue.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			if (chunk == END) {
				return;
			}
			if (failure == null) {
				try {
					writer.write(chunk);
				}
				catch (Throwable ex) {
					// Keep taking chunks, so that the parser never blocks on a full
					// queue.
					failure = ex;
				}
			}
		}
	}

	private void join() {
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void rethrow() {
		Throwable ex = failure;
		if (ex instanceof RuntimeException re) {
			throw re;
		}
		if (ex != null) {
			throw new IllegalStateException("COPY failed", ex);
		}
	}

}
