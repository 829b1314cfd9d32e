package jp.kennin.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.DocumentUnavailableException;
import jp.kennin.storage.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored bytes of documents, kept in step with the metadata rows: bytes written for a
 * row that is rolled back are removed, and bytes of a deleted row are removed only once
 * the deletion has committed.
 */
class DocumentBlobs {

	private static final Logger log = LoggerFactory.getLogger(DocumentBlobs.class);

	private final FileStorage storage;

	DocumentBlobs(FileStorage storage) {
		this.storage = storage;
	}

	String put(byte[] bytes) {
		try {
			return storage.put(bytes);
		}
		catch (IOException ex) {
			log.error("Storing an upload failed", ex);
			throw new DocumentRejectedException(DocumentProblem.FAILED);
		}
	}

	/**
	 * Empty if the bytes are gone (logged: the row says they should exist); a store that
	 * cannot be read right now is {@link DocumentUnavailableException}, logged with its
	 * real cause (e.g. AccessDeniedException, not "missing").
	 */
	Optional<byte[]> read(String key, long documentId) {
		try {
			Optional<InputStream> in = storage.get(key);
			if (in.isEmpty()) {
				log.error("Stored bytes of document {} are missing (nothing under storage key {})", documentId, key);
				return Optional.empty();
			}
			try (InputStream stream = in.get()) {
				return Optional.of(stream.readAllBytes());
			}
		}
		catch (IOException ex) {
			log.error("Stored bytes of document {} cannot be read right now: {}", documentId, describe(ex));
			throw new DocumentUnavailableException(documentId, ex);
		}
	}

	/** The exception chain by type and message: the cause an operator needs to act on. */
	static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
			if (t.getCause() == t) {
				break;
			}
		}
		return text.toString();
	}

	/** Call inside the transaction that inserts the row for these keys. */
	void deleteIfRolledBack(String... keys) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					delete(keys);
				}
			}
		});
	}

	/** Call inside the transaction that marks the row deleted. */
	void deleteAfterCommit(String... keys) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				delete(keys);
			}
		});
	}

	void delete(String... keys) {
		for (String key : keys) {
			if (key != null) {
				try {
					storage.delete(key);
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Could not delete stored file {}: {}", key, ex.getMessage());
				}
			}
		}
	}

}
