package jp.kennin.survey.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A campaign that does not exist, or belongs to another tenant (deliberately the same
 * answer).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CampaignNotFound extends RuntimeException {

	CampaignNotFound() {
		super("campaign not found");
	}

}
