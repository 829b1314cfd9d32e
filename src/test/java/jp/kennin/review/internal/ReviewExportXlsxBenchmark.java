package jp.kennin.review.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.review.ReviewExports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the XLSX writer of the exports is on its own (issue 14, not part of the normal
 * build): 250,000 removal-list rows through {@link ReviewExportFiles#xlsx}, into a stream
 * that only counts bytes, so the figure is POI's and not the database's. Run with the
 * heap the issue allows (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -o test-compile surefire:test -Dtest=ReviewExportXlsxBenchmark -Dkennin.benchmark=true -DargLine=-Xmx256m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class ReviewExportXlsxBenchmark {

	static final int ROWS = 250_000;

	@Test
	void writes_250000_rows() throws IOException {
		write(20_000);
		long bytes = 0;
		long start = System.nanoTime();
		bytes = write(ROWS);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.err.printf("XLSX export: %,d rows in %.2f s = %,.0f rows/s, %,d bytes, max heap %,d MB%n", ROWS, seconds,
				ROWS / seconds, bytes, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		assertThat(bytes).isPositive();
	}

	private static long write(int rows) throws IOException {
		CountingStream out = new CountingStream();
		List<Integer> widths = ReviewExportManagement.WIDTHS.subList(0, ReviewExports.REMOVAL_COLUMNS.size());
		try (ReviewExportFiles.Sheet sheet = ReviewExportFiles.xlsx(out, "削除対象者一覧", ReviewExports.REMOVAL_COLUMNS,
				widths)) {
			for (int i = 0; i < rows; i++) {
				List<Object> cells = new ArrayList<>(14);
				cells.add(String.format("%02d", i % 90));
				cells.add(String.valueOf(100000 + i));
				cells.add("0" + (1 + i % 5));
				cells.add("健保 太郎" + i % 1000);
				cells.add("健保 花子" + i % 1000);
				cells.add("ケンポ　ハナコ");
				cells.add(LocalDate.of(1970 + i % 50, 1 + i % 12, 1 + i % 28));
				cells.add("妻");
				cells.add(LocalDate.of(2026, 6, 1));
				cells.add("就職");
				cells.add(LocalDate.of(2026, 8, 2));
				cells.add("admin-a");
				cells.add("100");
				cells.add("本社");
				sheet.row(cells);
			}
		}
		return out.count;
	}

	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

}
