package jp.kennin.document.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import jp.kennin.document.DocumentKind;
import jp.kennin.document.DocumentProblem;
import jp.kennin.document.DocumentRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UploadProcessorTests {

	private static final long TEN_MB = 10L * 1024 * 1024;

	private final UploadProcessor processor = new UploadProcessor(DocumentProperties.defaults());

	private static DocumentProblem problemOf(Runnable upload) {
		try {
			upload.run();
		}
		catch (DocumentRejectedException ex) {
			return ex.problem();
		}
		throw new AssertionError("the upload was accepted");
	}

	@Test
	void a_file_named_jpg_holding_html_is_refused() {
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(problemOf(() -> processor.process(html, TEN_MB))).isEqualTo(DocumentProblem.UNSUPPORTED_TYPE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GIF89a\u0001\u0000\u0001\u0000", "PK\u0003\u0004 a zip or office file", "plain text" })
	void other_types_are_refused_whatever_they_are_called(String start) {
		byte[] bytes = (start + "x".repeat(100)).getBytes(StandardCharsets.ISO_8859_1);

		assertThat(problemOf(() -> processor.process(bytes, TEN_MB))).isEqualTo(DocumentProblem.UNSUPPORTED_TYPE);
	}

	@Test
	void a_20000_by_20000_png_is_refused_before_decoding() {
		byte[] bomb = TestFiles.pngHeader(20_000, 20_000);
		long started = System.nanoTime();

		DocumentRejectedException ex = org.junit.jupiter.api.Assertions.assertThrows(DocumentRejectedException.class,
				() -> processor.process(bomb, TEN_MB));

		assertThat(ex.problem()).isEqualTo(DocumentProblem.TOO_MANY_PIXELS);
		assertThat(ex.args()).containsExactly(5000L, 50L);
		// Decoding 400 megapixels would take seconds and 1.6 GB; reading the header takes
		// milliseconds.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void an_encrypted_pdf_is_refused() {
		assertThat(problemOf(() -> processor.process(TestFiles.encryptedPdf("user-secret"), TEN_MB)))
			.isEqualTo(DocumentProblem.PASSWORD_PROTECTED);
		assertThat(problemOf(() -> processor.process(TestFiles.encryptedPdf(""), TEN_MB))).as("owner password only")
			.isEqualTo(DocumentProblem.PASSWORD_PROTECTED);
	}

	@Test
	void broken_files_are_refused() {
		byte[] pdf = TestFiles.pdf(1);
		byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
		byte[] jpeg = TestFiles.jpeg(TestFiles.photo(400, 300, 1, 40), 0.9f);
		byte[] truncatedJpeg = Arrays.copyOf(jpeg, 700);

		assertThat(problemOf(() -> processor.process(brokenPdf, TEN_MB))).isEqualTo(DocumentProblem.CORRUPT);
		assertThat(problemOf(() -> processor.process(Arrays.copyOf(pdf, 60), TEN_MB)))
			.isEqualTo(DocumentProblem.CORRUPT);
		assertThat(problemOf(() -> processor.process(truncatedJpeg, TEN_MB))).isEqualTo(DocumentProblem.CORRUPT);
	}

	@Test
	void empty_and_missing_files_have_their_own_message() {
		assertThat(problemOf(() -> processor.process(new byte[0], TEN_MB))).isEqualTo(DocumentProblem.EMPTY);
		assertThat(problemOf(() -> processor.process(null, TEN_MB))).isEqualTo(DocumentProblem.NO_FILE);
	}

	@Test
	void ten_megabytes_and_one_byte_is_refused_with_the_size_message_and_exactly_ten_is_accepted() {
		byte[] base = TestFiles.jpeg(TestFiles.photo(1200, 900, 2, 30), 0.9f);
		byte[] exactly = TestFiles.padJpeg(base, TEN_MB);
		byte[] oneMore = TestFiles.padJpeg(base, TEN_MB + 1);

		DocumentRejectedException ex = org.junit.jupiter.api.Assertions.assertThrows(DocumentRejectedException.class,
				() -> processor.process(oneMore, TEN_MB));
		assertThat(ex.problem()).isEqualTo(DocumentProblem.TOO_LARGE);
		assertThat(ex.args()).containsExactly(10L);

		assertThat(exactly).hasSize((int) TEN_MB);
		UploadProcessor.Processed kept = processor.process(exactly, TEN_MB);
		assertThat(kept.kind()).isEqualTo(DocumentKind.IMAGE);
		assertThat(kept.bytes().length).as("comments dropped on re-encoding").isLessThan(base.length * 2);
	}

	@Test
	void a_jpeg_with_gps_exif_is_stored_without_any_metadata() throws IOException {
		byte[] original = TestFiles.withExif(TestFiles.jpeg(TestFiles.photo(800, 600, 3, 30), 0.92f), 1, true);
		assertThat(TestFiles.hasApp1(original)).isTrue();

		UploadProcessor.Processed kept = processor.process(original, TEN_MB);

		assertThat(kept.contentType()).isEqualTo("image/jpeg");
		assertThat(TestFiles.hasApp1(kept.bytes())).isFalse();
		assertThat(new String(kept.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
			.doesNotContain("MM\u0000*");
		assertThat(JpegOrientation.of(kept.bytes())).isEqualTo(1);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(kept.thumbnail()).isNotNull();
		assertThat(ImageIO.read(new ByteArrayInputStream(kept.thumbnail())).getWidth()).isEqualTo(320);
	}

	@ParameterizedTest(name = "EXIF orientation {0}")
	@ValueSource(ints = { 1, 2, 3, 6, 8 })
	void exif_orientation_is_applied(int orientation) throws IOException {
		BufferedImage upright = TestFiles.quadrants(120, 60);
		BufferedImage stored = switch (orientation) {
			case 2 -> transform(upright, (x, y, w, h) -> new int[] { w - 1 - x, y }, false);
			case 3 -> transform(upright, (x, y, w, h) -> new int[] { w - 1 - x, h - 1 - y }, false);
			// The camera stored the picture turned a quarter to the left: display rotates
			// it right (6).
			case 6 -> transform(upright, (x, y, w, h) -> new int[] { y, w - 1 - x }, true);
			case 8 -> transform(upright, (x, y, w, h) -> new int[] { h - 1 - y, x }, true);
			default -> upright;
		};
		byte[] jpeg = TestFiles.withExif(TestFiles.jpeg(stored, 0.95f), orientation, false);
		assertThat(JpegOrientation.of(jpeg)).isEqualTo(orientation);

		BufferedImage result = ImageIO.read(new ByteArrayInputStream(processor.process(jpeg, TEN_MB).bytes()));

		assertThat(result.getWidth()).isEqualTo(120);
		assertThat(result.getHeight()).isEqualTo(60);
		assertThat(near(result.getRGB(20, 10), Color.RED)).as("top left").isTrue();
		assertThat(near(result.getRGB(100, 10), Color.GREEN)).as("top right").isTrue();
		assertThat(near(result.getRGB(20, 50), Color.BLUE)).as("bottom left").isTrue();
		assertThat(near(result.getRGB(100, 50), Color.YELLOW)).as("bottom right").isTrue();
	}

	@ParameterizedTest(name = "EXIF orientation {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void turning_without_scaling_moves_every_pixel_exactly(int orientation) {
		// Nearest-pixel sampling is used when nothing is scaled: off by half a pixel, it
		// would shift or smear the picture; this checks each pixel against the EXIF
		// definition of the orientation.
		int w = 7;
		int h = 5;
		BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		Random random = new Random(orientation);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				stored.setRGB(x, y, random.nextInt(0x1000000));
			}
		}

		BufferedImage upright = ImageProcessor.scaleAndOrient(stored, 100, orientation, false);

		boolean swap = orientation >= 5;
		assertThat(upright.getWidth()).isEqualTo(swap ? h : w);
		assertThat(upright.getHeight()).isEqualTo(swap ? w : h);
		for (int uy = 0; uy < upright.getHeight(); uy++) {
			for (int ux = 0; ux < upright.getWidth(); ux++) {
				int[] from = switch (orientation) {
					case 2 -> new int[] { w - 1 - ux, uy };
					case 3 -> new int[] { w - 1 - ux, h - 1 - uy };
					case 4 -> new int[] { ux, h - 1 - uy };
					case 5 -> new int[] { uy, ux };
					case 6 -> new int[] { uy, h - 1 - ux };
					case 7 -> new int[] { w - 1 - uy, h - 1 - ux };
					case 8 -> new int[] { w - 1 - uy, ux };
					default -> new int[] { ux, uy };
				};
				assertThat(Integer.toHexString(upright.getRGB(ux, uy) & 0xFFFFFF)).as("pixel %d,%d", ux, uy)
					.isEqualTo(Integer.toHexString(stored.getRGB(from[0], from[1]) & 0xFFFFFF));
			}
		}
	}

	@Test
	void large_photos_are_downscaled_to_2400_pixels_on_the_longer_side() {
		byte[] jpeg = TestFiles.jpeg(TestFiles.photo(3264, 2448, 4, 20), 0.85f);

		UploadProcessor.Processed kept = processor.process(jpeg, TEN_MB);

		assertThat(kept.width()).isEqualTo(2400);
		assertThat(kept.height()).isEqualTo(1800);
	}

	@Test
	void a_12_megapixel_photo_is_decoded_at_half_size_which_keeps_over_80_percent_of_2400_pixels() {
		byte[] jpeg = TestFiles.jpeg(TestFiles.photo(4032, 3024, 4, 20), 0.85f);

		UploadProcessor.Processed kept = processor.process(jpeg, TEN_MB);

		assertThat(kept.width()).isEqualTo(2016);
		assertThat(kept.height()).isEqualTo(1512);
	}

	@Test
	void the_decoder_skips_pixels_only_while_80_percent_of_the_kept_size_remains() {
		ImageProcessor images = new ImageProcessor(DocumentProperties.defaults());

		assertThat(images.subsampling(2400)).isEqualTo(1);
		assertThat(images.subsampling(3839)).isEqualTo(1);
		assertThat(images.subsampling(3840)).isEqualTo(2);
		assertThat(images.subsampling(4032)).isEqualTo(2);
		assertThat(images.subsampling(8000)).isEqualTo(4);
	}

	@Test
	void png_stays_png_and_keeps_transparency() throws IOException {
		BufferedImage transparent = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);
		transparent.setRGB(10, 10, 0x80FF0000);

		UploadProcessor.Processed kept = processor.process(TestFiles.png(transparent), TEN_MB);

		assertThat(kept.contentType()).isEqualTo("image/png");
		BufferedImage result = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
		assertThat(result.getColorModel().hasAlpha()).isTrue();
		assertThat(result.getRGB(0, 0) >>> 24).isZero();
	}

	@Test
	void pdfs_are_kept_byte_for_byte_with_their_page_count() {
		byte[] pdf = TestFiles.pdf(3);

		UploadProcessor.Processed kept = processor.process(pdf, TEN_MB);

		assertThat(kept.bytes()).isEqualTo(pdf);
		assertThat(kept.pageCount()).isEqualTo(3);
		assertThat(kept.kind()).isEqualTo(DocumentKind.PDF);
		assertThat(kept.thumbnail()).isNull();
	}

	@Test
	void heic_without_a_converter_is_kept_as_sent_and_flagged() {
		byte[] heic = TestFiles.heic();

		UploadProcessor.Processed kept = processor.process(heic, TEN_MB);

		assertThat(kept.kind()).isEqualTo(DocumentKind.HEIC_ORIGINAL);
		assertThat(kept.contentType()).isEqualTo("image/heic");
		assertThat(kept.bytes()).isEqualTo(heic);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "EICAR", "HTML", "random bytes", "a cut HEIC" })
	void what_only_starts_like_heic_is_refused_as_unreadable(String after) {
		byte[] random = new byte[3000];
		new Random(11).nextBytes(random);
		byte[] upload = switch (after) {
			case "EICAR" -> TestFiles.heicHeaderThen(HeifContainerTests.EICAR.getBytes(StandardCharsets.US_ASCII));
			case "HTML" -> TestFiles
				.heicHeaderThen("<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
			case "random bytes" -> TestFiles.heicHeaderThen(random);
			default -> Arrays.copyOf(TestFiles.heic(), 300);
		};

		assertThat(problemOf(() -> processor.process(upload, TEN_MB))).isEqualTo(DocumentProblem.CORRUPT);
	}

	@Test
	void a_heic_header_with_a_converter_is_refused_before_the_converter_runs(@TempDir Path dir) throws IOException {
		Path ran = dir.resolve("ran");
		Path script = Files.writeString(dir.resolve("converter.sh"), "#!/bin/sh\ntouch " + ran + "\nexit 1\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		DocumentProperties props = new DocumentProperties(50_000_000, 2400, 320, 0.85f, 200, 2,
				script + " {input} {output}", Duration.ofSeconds(10));
		byte[] upload = TestFiles.heicHeaderThen(HeifContainerTests.EICAR.getBytes(StandardCharsets.US_ASCII));

		assertThat(problemOf(() -> new UploadProcessor(props).process(upload, TEN_MB)))
			.isEqualTo(DocumentProblem.CORRUPT);
		assertThat(ran).doesNotExist();
	}

	@Test
	void a_heic_over_the_pixel_limit_is_refused_from_its_header() {
		DocumentProperties props = new DocumentProperties(96 * 64 - 1, 2400, 320, 0.85f, 200, 2, "",
				Duration.ofSeconds(10));

		assertThat(problemOf(() -> new UploadProcessor(props).process(TestFiles.heic(), TEN_MB)))
			.isEqualTo(DocumentProblem.TOO_MANY_PIXELS);
	}

	@Test
	void a_real_heic_is_turned_into_a_clean_upright_jpeg_by_heif_convert() throws IOException {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/heif-convert")),
				"libheif-examples is not installed");
		DocumentProperties props = new DocumentProperties(50_000_000, 2400, 320, 0.85f, 200, 2,
				"/usr/bin/heif-convert -q 90 {input} {output}", Duration.ofSeconds(30));

		UploadProcessor.Processed kept = new UploadProcessor(props).process(TestFiles.heic(), TEN_MB);

		assertThat(kept.kind()).isEqualTo(DocumentKind.IMAGE);
		assertThat(kept.contentType()).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept.bytes()));
		assertThat(image.getWidth()).isEqualTo(96);
		assertThat(near(image.getRGB(10, 10), Color.RED)).as("top left").isTrue();
		assertThat(near(image.getRGB(85, 55), Color.YELLOW)).as("bottom right").isTrue();
	}

	@Test
	void heic_with_a_converter_becomes_a_cleaned_jpeg(@TempDir Path dir) throws IOException {
		// Stands in for heif-convert: "converts" by copying a JPEG (with GPS) to the
		// output path.
		Path converted = Files.write(dir.resolve("converted.jpg"),
				TestFiles.withExif(TestFiles.jpeg(TestFiles.photo(300, 200, 5, 20), 0.9f), 1, true));
		Path script = Files.writeString(dir.resolve("fake-heif-convert.sh"),
				"#!/bin/sh\ncp " + converted + " \"$2\"\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		DocumentProperties props = new DocumentProperties(50_000_000, 2400, 320, 0.85f, 200, 2,
				script + " {input} {output}", Duration.ofSeconds(10));

		UploadProcessor.Processed kept = new UploadProcessor(props).process(TestFiles.heic(), TEN_MB);

		assertThat(kept.kind()).isEqualTo(DocumentKind.IMAGE);
		assertThat(kept.contentType()).isEqualTo("image/jpeg");
		assertThat(TestFiles.hasApp1(kept.bytes())).isFalse();
		assertThat(kept.width()).isEqualTo(300);
	}

	@Test
	void a_failing_converter_falls_back_to_keeping_the_heic() {
		DocumentProperties props = new DocumentProperties(50_000_000, 2400, 320, 0.85f, 200, 2,
				"/bin/false {input} {output}", Duration.ofSeconds(10));

		assertThat(new UploadProcessor(props).process(TestFiles.heic(), TEN_MB).kind())
			.isEqualTo(DocumentKind.HEIC_ORIGINAL);
	}

	interface Mapping {

		int[] to(int x, int y, int w, int h);

	}

	private static BufferedImage transform(BufferedImage in, Mapping mapping, boolean swap) {
		int w = in.getWidth();
		int h = in.getHeight();
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int[] p = mapping.to(x, y, w, h);
				out.setRGB(p[0], p[1], in.getRGB(x, y));
			}
		}
		return out;
	}

	private static boolean near(int rgb, Color expected) {
		Color c = new Color(rgb);
		return Math.abs(c.getRed() - expected.getRed()) < 60 && Math.abs(c.getGreen() - expected.getGreen()) < 60
				&& Math.abs(c.getBlue() - expected.getBlue()) < 60;
	}

}
