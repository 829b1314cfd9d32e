package jp.kennin.lossnotice.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such final removal for this actor: another household's or tenant's, not decided, or
 * not yet final. One answer for all, so nobody learns which.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NoticeNotFound extends RuntimeException {

	NoticeNotFound() {
		super("no such removal notice");
	}

}
