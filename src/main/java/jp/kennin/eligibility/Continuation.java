package jp.kennin.eligibility;

/** 扶養を継続しますか: 継続する / 削除する / 手続き中 (removal already filed). */
public enum Continuation {

	CONTINUE, REMOVE, IN_PROGRESS

}
