package jp.kennin.account.internal;

import java.time.Instant;

/**
 * One row of {@code member_account}.
 */
public record MemberAccount(long id, long tenantId, long rosterPersonId, String userId, String passwordHash,
		String email, Status status, int failedAttempts, Instant lastFailedAt, Instant lockedUntil, Instant lastLoginAt,
		Instant previousLoginAt, Instant pendingUntil, Instant createdAt) {

	public enum Status {

		PENDING, ACTIVE

	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}
