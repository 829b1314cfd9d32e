package jp.kennin.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedFileNamesTests {

	@Test
	void keeps_the_last_path_segment_without_control_characters_or_lone_surrogates() {
		assertThat(UploadedFileNames.clean("C:\\Users\\花子\\領収書\u0000.jpg", "x", 255)).isEqualTo("領収書.jpg");
		assertThat(UploadedFileNames.clean("/tmp/a\u001fb\u007f\u009f.pdf", "x", 255)).isEqualTo("ab.pdf");
		assertThat(UploadedFileNames.clean("\ud800領収書\udc00.pdf", "x", 255)).isEqualTo("領収書.pdf");
	}

	@Test
	void keeps_characters_outside_the_basic_plane() {
		assertThat(UploadedFileNames.clean("𠮷野家の領収書.jpg", "x", 255)).isEqualTo("𠮷野家の領収書.jpg");
	}

	@Test
	void falls_back_when_nothing_is_left() {
		assertThat(UploadedFileNames.clean(null, "document", 255)).isEqualTo("document");
		assertThat(UploadedFileNames.clean("C:\\dir\\", "document", 255)).isEqualTo("document");
		assertThat(UploadedFileNames.clean(" \u0000 ", "document", 255)).isEqualTo("document");
	}

	@Test
	void a_long_name_keeps_its_end_and_never_half_a_character() {
		String name = "𠮷".repeat(10) + ".pdf";

		String cut = UploadedFileNames.clean(name, "x", 9);

		assertThat(cut).endsWith(".pdf").hasSizeLessThanOrEqualTo(9);
		assertThat(Character.isLowSurrogate(cut.charAt(0))).isFalse();
	}

}
