package jp.kennin.survey.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 「提出できない理由」 is kept as the member typed it, with plain line breaks; what only a
 * hand-made request can carry (a NUL PostgreSQL cannot store, other control characters,
 * excess length) is dropped instead of ending the submission at an error page.
 */
class DocumentChoiceReasonTests {

	@Test
	void line_breaks_and_tabs_stay_other_control_characters_go() {
		assertThat(DocumentChoiceRepository.reason("市役所が\r\n休み\tのため")).isEqualTo("市役所が\n休み\tのため");
		assertThat(DocumentChoiceRepository.reason("証明書\u0000が\u0007まだ届かない")).isEqualTo("証明書がまだ届かない");
		assertThat(DocumentChoiceRepository.reason("𠮷野家の領収書")).isEqualTo("𠮷野家の領収書");
		assertThat(DocumentChoiceRepository.reason("あ".repeat(DocumentChoice.MAX_REASON + 10)))
			.hasSize(DocumentChoice.MAX_REASON);
		assertThat(DocumentChoiceRepository.reason(null)).isNull();
	}

}
