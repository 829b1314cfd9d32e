package jp.kennin.roster.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadProgressTests {

	@Test
	void read_progress_stays_below_100_until_the_import_ends() throws Exception {
		ReadProgress progress = new ReadProgress();
		try (InputStream in = progress.track(7, 10, new ByteArrayInputStream(new byte[10]))) {
			assertThat(progress.percent(7)).hasValue(0);
			in.readNBytes(4);
			assertThat(progress.percent(7)).hasValue(40);
			in.readAllBytes();
			assertThat(progress.percent(7)).hasValue(99);
		}
		progress.done(7);
		assertThat(progress.percent(7)).isEmpty();
	}

}
