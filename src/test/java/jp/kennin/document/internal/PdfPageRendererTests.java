package jp.kennin.document.internal;

import java.time.Duration;

import jp.kennin.document.DocumentPages.PageProblem;
import jp.kennin.document.DocumentPages.PageUnavailableException;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits that keep a hostile PDF from costing more than a bounded render. */
class PdfPageRendererTests {

	@Test
	void a_page_box_of_any_size_renders_within_the_pixel_limits() {
		for (PDRectangle box : new PDRectangle[] { PDRectangle.A4, new PDRectangle(14_400, 14_400),
				new PDRectangle(14_400, 10), new PDRectangle(3, 2) }) {
			float scale = PdfPageRenderer.scale(box);
			double w = box.getWidth() * scale;
			double h = box.getHeight() * scale;
			assertThat(Math.max(w, h)).as(box.toString()).isLessThanOrEqualTo(PdfPageRenderer.MAX_LONG_SIDE + 1);
			assertThat(w * h).as(box.toString()).isLessThanOrEqualTo(PdfPageRenderer.MAX_PIXELS + 1);
		}
		assertThat(PdfPageRenderer.scale(PDRectangle.A4)).isEqualTo(130f / 72f);
		assertThatThrownBy(() -> PdfPageRenderer.scale(new PDRectangle(0, 100))).isInstanceOfSatisfying(
				PageUnavailableException.class, ex -> assertThat(ex.problem()).isEqualTo(PageProblem.UNREADABLE));
	}

	@Test
	void a_render_that_takes_too_long_is_abandoned_as_too_complex() {
		try (PdfPageRenderer renderer = new PdfPageRenderer(1, Duration.ofNanos(1))) {
			assertThatThrownBy(() -> renderer.render(TestFiles.pdf(1), 0)).isInstanceOfSatisfying(
					PageUnavailableException.class, ex -> assertThat(ex.problem()).isEqualTo(PageProblem.TOO_COMPLEX));
		}
		try (PdfPageRenderer renderer = new PdfPageRenderer(1, Duration.ofSeconds(20))) {
			assertThat(renderer.render(TestFiles.pdf(1), 0).png()).isNotEmpty();
			assertThatThrownBy(() -> renderer.pageCount("not a pdf".getBytes())).isInstanceOfSatisfying(
					PageUnavailableException.class, ex -> assertThat(ex.problem()).isEqualTo(PageProblem.UNREADABLE));
		}
	}

}
