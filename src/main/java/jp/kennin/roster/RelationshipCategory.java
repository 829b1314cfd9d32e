package jp.kennin.roster;

import java.util.Map;

/**
 * What a 続柄 written on the roster means for the eligibility rules. The roster keeps the
 * words as written; this is the category they map to.
 */
public enum RelationshipCategory {

	SELF, SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, OTHER;

	private static final Map<String, RelationshipCategory> WORDS = Map.ofEntries(Map.entry("本人", SELF),
			Map.entry("配偶者", SPOUSE), Map.entry("夫", SPOUSE), Map.entry("妻", SPOUSE), Map.entry("子", CHILD),
			Map.entry("長男", CHILD), Map.entry("長女", CHILD), Map.entry("次男", CHILD), Map.entry("次女", CHILD),
			Map.entry("三男", CHILD), Map.entry("三女", CHILD), Map.entry("父", PARENT), Map.entry("母", PARENT),
			Map.entry("義父", PARENT), Map.entry("義母", PARENT), Map.entry("祖父", GRANDPARENT),
			Map.entry("祖母", GRANDPARENT), Map.entry("孫", GRANDCHILD), Map.entry("兄", SIBLING), Map.entry("姉", SIBLING),
			Map.entry("弟", SIBLING), Map.entry("妹", SIBLING), Map.entry("その他", OTHER));

	/**
	 * The category of a 続柄 word, or null if the word is not one the roster format allows.
	 */
	public static RelationshipCategory fromWord(String word) {
		return word == null ? null : WORDS.get(word.strip());
	}

}
