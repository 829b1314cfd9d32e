package jp.kennin.roster.internal;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterPropertiesTests {

	@Test
	void the_limit_is_shown_in_the_largest_whole_unit() {
		assertThat(new RosterProperties(DataSize.parse("256MB")).maxUploadText()).isEqualTo("256MB");
		assertThat(new RosterProperties(DataSize.parse("1GB")).maxUploadText()).isEqualTo("1GB");
		assertThat(new RosterProperties(DataSize.parse("1536MB")).maxUploadText()).isEqualTo("1536MB");
		assertThat(new RosterProperties(DataSize.parse("512KB")).maxUploadText()).isEqualTo("512KB");
	}

	@Test
	void the_request_may_exceed_the_file_by_the_form_around_it() {
		RosterProperties properties = new RosterProperties(DataSize.ofMegabytes(1));
		assertThat(properties.maxRequestBytes()).isEqualTo(1024 * 1024 + RosterProperties.FORM_OVERHEAD_BYTES);
	}

	@Test
	void a_limit_of_nothing_is_refused() {
		assertThatThrownBy(() -> new RosterProperties(DataSize.ofBytes(0)))
			.hasMessageContaining("kennin.roster.max-upload-size");
	}

}
