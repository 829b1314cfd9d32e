package jp.kennin.document.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload type detection never throws on any bytes, gives the same answer twice, and only
 * calls a file JPEG or PNG when it starts with that format's signature (so a renamed text
 * file never reaches the image decoder as an image). Seeds in
 * {@code src/test/resources/jp/kennin/document/internal/DetectedTypeFuzzTestsInputs/}.
 */
class DetectedTypeFuzzTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	@FuzzTest(maxDuration = "60s")
	void detectionIsTotalAndFollowsTheSignature(FuzzedDataProvider data) {
		byte[] content = data.consumeRemainingAsBytes();
		DetectedType type = DetectedType.of(content);
		assertThat(type).isNotNull();
		assertThat(DetectedType.of(content.clone())).isEqualTo(type);
		if (type == DetectedType.JPEG) {
			assertThat(content.length).isGreaterThanOrEqualTo(2);
			assertThat(content[0] & 0xFF).isEqualTo(0xFF);
			assertThat(content[1] & 0xFF).isEqualTo(0xD8);
		}
		if (type == DetectedType.PNG) {
			assertThat(content.length).isGreaterThanOrEqualTo(PNG.length);
			for (int i = 0; i < PNG.length; i++) {
				assertThat(content[i]).isEqualTo(PNG[i]);
			}
		}
	}

}
