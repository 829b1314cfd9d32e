package jp.kennin.roster.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedUploadBodyTests {

	private static byte[] body(String fields) {
		return (fields + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nmode,DELTA\r\n--b--\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void the_mode_is_read_from_the_fields_before_the_file() {
		assertThat(RefusedUploadBody.mode(body("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nSNAPSHOT\r\n")))
			.isEqualTo("SNAPSHOT");
		assertThat(RefusedUploadBody.mode(body("--b\r\ncontent-disposition: form-data; name=\"mode\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\nDELTA\r\n")))
			.isEqualTo("DELTA");
	}

	@Test
	void no_mode_or_an_unknown_one_is_none() {
		assertThat(RefusedUploadBody.mode(body(""))).isNull();
		assertThat(RefusedUploadBody.mode(body("--b\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL\r\n")))
			.isNull();
	}

	@Test
	void discarding_stops_at_the_cap() throws IOException {
		ByteArrayInputStream ten = new ByteArrayInputStream(new byte[10]);
		assertThat(RefusedUploadBody.discard(ten, 4)).isFalse();
		assertThat(ten.available()).isEqualTo(5);
		assertThat(RefusedUploadBody.discard(new ByteArrayInputStream(new byte[10]), 10)).isTrue();
	}

}
