package jp.kennin.document.internal;

import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploadRobustnessTests {

	private final UploadProcessor processor = new UploadProcessor(DocumentProperties.defaults());

	@Property(tries = 300)
	void the_orientation_reader_never_fails_on_garbage(@ForAll @Size(max = 400) byte[] tail) {
		byte[] bytes = new byte[tail.length + 2];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xD8;
		System.arraycopy(tail, 0, bytes, 2, tail.length);

		assertThat(JpegOrientation.of(bytes)).isBetween(1, 8);
	}

	@Property(tries = 100)
	void any_bytes_are_either_refused_with_a_reason_or_stored(@ForAll @Size(max = 2000) byte[] bytes) {
		try {
			processor.process(bytes, 10L * 1024 * 1024);
		}
		catch (DocumentRejectedException ex) {
			assertThat(ex.problem()).isNotNull();
		}
	}

	@Test
	void a_jpeg_claiming_100_megapixels_is_refused_from_its_header() {
		byte[] jpeg = TestFiles.jpeg(TestFiles.photo(64, 48, 1, 10), 0.9f);
		for (int i = 2; i < jpeg.length - 9; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) { // SOF0:
																			// length,
																			// precision,
																			// height,
																			// width
				jpeg[i + 5] = (byte) (10_000 >> 8);
				jpeg[i + 6] = (byte) (10_000 & 0xFF);
				jpeg[i + 7] = (byte) (10_000 >> 8);
				jpeg[i + 8] = (byte) (10_000 & 0xFF);
				break;
			}
		}

		DocumentRejectedException ex = assertThrows(DocumentRejectedException.class,
				() -> processor.process(jpeg, 10L * 1024 * 1024));

		assertThat(ex.problem()).isEqualTo(DocumentProblem.TOO_MANY_PIXELS);
	}

	@Test
	void a_png_just_under_the_limit_is_not_refused_for_its_size() {
		// 7071 × 7071 = 49,999,041 pixels: passes the pixel check, then fails as damaged
		// (no real image data).
		DocumentRejectedException ex = assertThrows(DocumentRejectedException.class,
				() -> processor.process(TestFiles.pngHeader(7071, 7071), 10L * 1024 * 1024));

		assertThat(ex.problem()).isEqualTo(DocumentProblem.CORRUPT);
	}

}
