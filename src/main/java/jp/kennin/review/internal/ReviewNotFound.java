package jp.kennin.review.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such form or dependent for this tenant (another tenant's form gets the same answer).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReviewNotFound extends RuntimeException {

	ReviewNotFound() {
		super("review not found");
	}

}
