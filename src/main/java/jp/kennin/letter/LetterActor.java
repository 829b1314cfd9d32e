package jp.kennin.letter;

import java.util.Set;

import jp.kennin.platform.StaffActor;

/**
 * Who prints letters: insurer staff for all offices, or (for the office contacts' view)
 * staff limited to some office codes, in which case every selection is narrowed to those
 * offices whatever it asks for.
 *
 * @param offices the office codes the actor may print for; null for the whole insurer
 */
public record LetterActor(StaffActor staff, Set<String> offices) {

	public LetterActor {
		offices = offices == null ? null : Set.copyOf(offices);
	}

	/** TENANT_ADMIN or REVIEWER of the insurer: every office. */
	public static LetterActor insurer(StaffActor staff) {
		return new LetterActor(staff, null);
	}

	/** Staff who may print only for these offices (e.g. an office contact). */
	public static LetterActor offices(StaffActor staff, Set<String> offices) {
		return new LetterActor(staff, offices);
	}

	public boolean scoped() {
		return offices != null;
	}

}
