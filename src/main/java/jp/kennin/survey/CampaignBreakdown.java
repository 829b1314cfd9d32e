package jp.kennin.survey;

/**
 * The campaign page's 内訳. Before opening it is the preview of the target rules over
 * today's roster; once opened it is what the survey forms hold (frozen at opening), with
 * how the roster has moved since.
 *
 * @param fromForms true once opened: {@code counts} come from the forms, not the roster
 * @param sinceOpening roster changes since opening; {@link RosterChanges#NONE} before
 * opening
 */
public record CampaignBreakdown(TargetPreview counts, boolean fromForms, RosterChanges sinceOpening) {

	/**
	 * Dependents on the forms whom the rules no longer select today (gone from the
	 * roster, or changed so they no longer fit), and dependents the rules select today
	 * who have no form, each with their households.
	 */
	public record RosterChanges(long householdsGone, long dependentsGone, long householdsAdded, long dependentsAdded) {

		public static final RosterChanges NONE = new RosterChanges(0, 0, 0, 0);

		public boolean any() {
			return dependentsGone > 0 || dependentsAdded > 0;
		}

	}

}
