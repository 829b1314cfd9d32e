package jp.kennin.document;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The document exists but its stored bytes cannot be read right now (the store refused
 * access or is unreachable). Answered with 503 and 「今は読み込めません」, never as a page that does
 * not exist: the file is expected back once the store is.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class DocumentUnavailableException extends RuntimeException {

	public DocumentUnavailableException(long documentId, Throwable cause) {
		super("document " + documentId + " cannot be read right now", cause);
	}

}
