package jp.kennin.survey;

/**
 * A campaign action that is not allowed in the campaign's state. {@code messageKey} names
 * the Japanese explanation in the survey message bundle.
 */
public class CampaignProblem extends RuntimeException {

	private final String messageKey;

	public CampaignProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
