package jp.kennin.survey;

/**
 * How opening reaches the target households: a mail to members with an account, a sign-up
 * guide to the roster address of households without one, and a place on the letter list
 * for the rest.
 */
public record InvitationCounts(long memberMails, long signupGuides, long letters) {

	public long households() {
		return memberMails + signupGuides + letters;
	}

}
