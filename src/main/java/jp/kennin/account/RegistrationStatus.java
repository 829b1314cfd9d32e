package jp.kennin.account;

import java.time.Instant;

/**
 * What the help desk sees about one insured person's member account.
 *
 * @param state 未登録 / 登録済 / ロック中 / 無効
 * @param userId the user ID, null when not registered
 * @param email the registered address, null when not registered
 * @param lastLoginAt the latest login, null if never
 * @param lockedUntil end of a temporary lock, null if not locked
 */
public record RegistrationStatus(State state, String userId, String email, Instant lastLoginAt, Instant lockedUntil) {

	public enum State {

		/** 未登録: no account, or a sign-up still waiting for its email code. */
		NOT_REGISTERED,
		/** 登録済 */
		REGISTERED,
		/** ロック中: temporarily locked after too many wrong passwords. */
		LOCKED,
		/** 無効: the person is no longer active on the roster. */
		INACTIVE

	}

}
