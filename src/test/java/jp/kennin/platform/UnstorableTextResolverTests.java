package jp.kennin.platform;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class UnstorableTextResolverTests {

	final UnstorableTextResolver resolver = new UnstorableTextResolver();

	@Test
	void a_text_postgresql_cannot_store_becomes_a_400_with_its_reason() {
		var request = new MockHttpServletRequest();
		var response = new MockHttpServletResponse();
		var failure = new DataIntegrityViolationException("insert failed",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

		assertThat(resolver.resolveException(request, response, null, failure)).isNotNull();
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(request.getAttribute(UnstorableTextResolver.REASON))
			.isEqualTo(UnstorableTextResolver.CONTROL_CHARACTERS);
	}

	@Test
	void other_failures_are_left_to_the_error_page_they_deserve() {
		var response = new MockHttpServletResponse();
		var failure = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));

		assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null, failure)).isNull();
		assertThat(resolver.resolveException(new MockHttpServletRequest(), response, null,
				new IllegalStateException("boom")))
			.isNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
