package jp.kennin.notification.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailOutboxBackoffTests {

	@Test
	void retries_back_off_exponentially_up_to_an_hour() {
		assertThat(MailOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(MailOutbox.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(MailOutbox.backoff(5)).isEqualTo(Duration.ofSeconds(160));
		assertThat(MailOutbox.backoff(20)).isEqualTo(Duration.ofHours(1));
	}

}
