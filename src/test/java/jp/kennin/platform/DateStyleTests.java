package jp.kennin.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Each date style in Japanese and English, always in Japan time. */
class DateStyleTests {

	/** 2026-12-02 05:05:09 UTC is 14:05:09 on Wednesday 2 December in Japan. */
	static final Instant AT = Instant.parse("2026-12-02T05:05:09Z");

	static final LocalDate DAY = LocalDate.of(2026, 12, 2);

	@Test
	void japanese_keeps_the_forms_members_and_staff_know() {
		assertThat(DateStyle.DATE.format(DAY, Locale.JAPANESE)).isEqualTo("2026/12/02");
		assertThat(DateStyle.DATE_TIME.format(AT, Locale.JAPANESE)).isEqualTo("2026/12/02 14:05");
		assertThat(DateStyle.DATE_TIME_SECONDS.format(AT, Locale.JAPANESE)).isEqualTo("2026/12/02 14:05:09");
		assertThat(DateStyle.DAY.format(DAY, Locale.JAPANESE)).isEqualTo("2026年12月2日");
		assertThat(DateStyle.DAY_WEEKDAY.format(DAY, Locale.JAPANESE)).isEqualTo("2026年12月2日(水)");
		assertThat(DateStyle.DEADLINE.format(AT, Locale.JAPANESE)).isEqualTo("2026年12月2日(水) 14:05");
		assertThat(DateStyle.WRITTEN_TIME.format(AT, Locale.JAPANESE)).isEqualTo("2026年12月02日 14:05");
		assertThat(DateStyle.WRITTEN_TIME_SECONDS.format(AT, Locale.JAPANESE)).isEqualTo("2026年12月02日 14:05:09");
	}

	@Test
	void english_spells_the_month_and_weekday() {
		assertThat(DateStyle.DATE.format(DAY, Locale.ENGLISH)).isEqualTo("2 Dec 2026");
		assertThat(DateStyle.DATE_TIME.format(AT, Locale.ENGLISH)).isEqualTo("2 Dec 2026, 14:05");
		assertThat(DateStyle.DATE_TIME_SECONDS.format(AT, Locale.ENGLISH)).isEqualTo("2 Dec 2026, 14:05:09");
		assertThat(DateStyle.DAY.format(DAY, Locale.ENGLISH)).isEqualTo("2 Dec 2026");
		assertThat(DateStyle.DAY_WEEKDAY.format(DAY, Locale.ENGLISH)).isEqualTo("Wed, 2 Dec 2026");
		assertThat(DateStyle.DEADLINE.format(AT, Locale.ENGLISH)).isEqualTo("Wed, 2 Dec 2026, 14:05");
		assertThat(DateStyle.WRITTEN_TIME_SECONDS.format(AT, Locale.forLanguageTag("en-GB")))
			.isEqualTo("2 Dec 2026, 14:05:09");
	}

	@Test
	void an_instant_is_shown_on_its_japanese_day() {
		Instant lateUtc = Instant.parse("2026-12-01T15:30:00Z");
		assertThat(DateStyle.DAY.format(lateUtc, Locale.ENGLISH)).isEqualTo("2 Dec 2026");
		assertThat(DateStyle.DEADLINE.format(ZonedDateTime.ofInstant(lateUtc, ZoneOffset.UTC), Locale.JAPANESE))
			.isEqualTo("2026年12月2日(水) 00:30");
	}

	@Test
	void other_languages_and_no_value() {
		assertThat(DateStyle.DAY.format(DAY, Locale.FRENCH)).isEqualTo("2026年12月2日");
		assertThat(DateStyle.DAY.format(DAY, null)).isEqualTo("2026年12月2日");
		assertThat(DateStyle.DEADLINE.format(null, Locale.ENGLISH)).isEmpty();
	}

	@Test
	void the_view_bean_follows_the_request_locale() {
		ViewTime view = new ViewTime();
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(view.deadline(AT)).isEqualTo("Wed, 2 Dec 2026, 14:05");
			assertThat(view.dateTime(AT)).isEqualTo("2 Dec 2026, 14:05");
			LocaleContextHolder.setLocale(Locale.JAPANESE);
			assertThat(view.deadline(AT)).isEqualTo("2026年12月2日(水) 14:05");
			assertThat(view.day(DAY)).isEqualTo("2026年12月2日");
			assertThat(view.dayWeekday(DAY)).isEqualTo("2026年12月2日(水)");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

}
