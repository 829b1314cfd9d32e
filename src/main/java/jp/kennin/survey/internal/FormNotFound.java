package jp.kennin.survey.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such form for this household (another household's form gets the same answer). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class FormNotFound extends RuntimeException {

	FormNotFound() {
		super("survey form not found");
	}

}
