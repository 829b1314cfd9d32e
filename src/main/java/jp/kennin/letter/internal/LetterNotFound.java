package jp.kennin.letter.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A campaign that does not exist or belongs to another insurer (deliberately the same
 * answer).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LetterNotFound extends RuntimeException {

	LetterNotFound() {
		super("campaign not found");
	}

}
