package jp.kennin.staff.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first operator from {@code KENNIN_BOOTSTRAP_OPERATOR_ID} and
 * {@code KENNIN_BOOTSTRAP_OPERATOR_PASSWORD} when no account with that ID exists yet. The
 * authenticator app is set up at the first login. Later starts change nothing, so the
 * variables may stay set.
 */
@Component
class BootstrapOperator {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(BootstrapOperator.class);

	private final StaffAccounts accounts;

	private final String loginId;

	private final String password;

	BootstrapOperator(StaffAccounts accounts, @Value("${kennin.bootstrap.operator.id:}") String loginId,
			@Value("${kennin.bootstrap.operator.password:}") String password) {
		this.accounts = accounts;
		this.loginId = loginId.strip();
		this.password = password;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-10)
	void createIfMissing() {
		if (loginId.isEmpty()) {
			return;
		}
		if (accounts.exists(loginId)) {
			log.info("Bootstrap operator '{}' already exists; nothing changed", loginId);
			return;
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			log.error("KENNIN_BOOTSTRAP_OPERATOR_PASSWORD must have at least {} characters; operator '{}' not created",
					MIN_PASSWORD_LENGTH, loginId);
			return;
		}
		accounts.create(loginId, "運用者", StaffRole.OPERATOR, null, password);
		log.info("Bootstrap operator '{}' created; the authenticator app is set up at the first login at /admin/login",
				loginId);
	}

}
