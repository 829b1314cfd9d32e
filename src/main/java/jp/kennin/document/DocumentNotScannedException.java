package jp.kennin.document;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A document that is not (yet) known to be clean was asked for: 409 while it waits in
 * quarantine, 410 once a virus was found in it. Nobody receives its bytes.
 */
public class DocumentNotScannedException extends ResponseStatusException {

	private final ScanStatus status;

	public DocumentNotScannedException(long documentId, ScanStatus status) {
		super(status == ScanStatus.INFECTED ? HttpStatus.GONE : HttpStatus.CONFLICT,
				"document " + documentId + " is " + status);
		this.status = status;
	}

	public ScanStatus status() {
		return status;
	}

}
