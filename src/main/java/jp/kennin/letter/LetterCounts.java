package jp.kennin.letter;

import java.util.List;

/**
 * The households of a campaign the letter page offers, within the actor's scope.
 *
 * @param campaignTitle the campaign's title, for the page's heading
 * @param letterList on the letter list
 * @param letterListAnswered of those, handed in since they were put on it
 * @param nonResponders not handed in (未作成 or 作成中)
 * @param all every household
 * @param offices per office code, the same three counts
 */
public record LetterCounts(long campaignId, String campaignTitle, long letterList, long letterListAnswered,
		long nonResponders, long all, List<Office> offices) {

	public record Office(String code, String name, long letterList, long nonResponders, long all) {
	}

}
