package jp.kennin.document.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static jp.kennin.document.internal.TestFiles.box;
import static jp.kennin.document.internal.TestFiles.bytes;
import static jp.kennin.document.internal.TestFiles.fullBox;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What passes as a HEIC image container: the structure of a real file (libheif) and of an
 * iPhone-style grid photo passes; bytes that only start like HEIC, cut files and files
 * whose boxes point nowhere do not.
 */
class HeifContainerTests {

	static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	@Test
	void a_heic_written_by_libheif_is_an_image_container_with_its_size() {
		assertThat(HeifContainer.read(TestFiles.heic())).hasValueSatisfying(image -> {
			assertThat(image.width()).isEqualTo(96);
			assertThat(image.height()).isEqualTo(64);
		});
	}

	@Test
	void an_iphone_style_grid_with_its_descriptor_in_idat_is_an_image_container() {
		assertThat(HeifContainer.read(grid(1, "pict", 0))).hasValueSatisfying(image -> {
			assertThat(image.width()).isEqualTo(192);
			assertThat(image.height()).isEqualTo(64);
		});
	}

	@Test
	void bytes_after_a_heic_header_are_not_an_image_container() {
		byte[] random = new byte[4000];
		new Random(7).nextBytes(random);

		assertThat(HeifContainer.read(TestFiles.heicHeaderThen(EICAR.getBytes(StandardCharsets.US_ASCII)))).isEmpty();
		assertThat(HeifContainer
			.read(TestFiles.heicHeaderThen("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
				.getBytes(StandardCharsets.UTF_8))))
			.isEmpty();
		assertThat(HeifContainer.read(TestFiles.heicHeaderThen(random))).isEmpty();
		assertThat(HeifContainer.read(TestFiles.heicHeaderThen(new byte[0]))).as("ftyp alone").isEmpty();
		// A well-formed box that is not a meta box, carrying a script.
		assertThat(HeifContainer.read(TestFiles.heicHeaderThen(box("free", EICAR.getBytes(StandardCharsets.US_ASCII)))))
			.isEmpty();
	}

	@Test
	void a_heic_cut_anywhere_is_not_an_image_container() {
		byte[] heic = TestFiles.heic();
		for (int length = 0; length < heic.length; length++) {
			assertThat(HeifContainer.read(Arrays.copyOf(heic, length))).as("first %d bytes", length).isEmpty();
		}
	}

	@Test
	void trailing_bytes_after_the_last_box_are_refused() {
		byte[] heic = TestFiles.heic();
		byte[] longer = Arrays.copyOf(heic, heic.length + EICAR.length());
		System.arraycopy(EICAR.getBytes(StandardCharsets.US_ASCII), 0, longer, heic.length, EICAR.length());

		assertThat(HeifContainer.read(longer)).isEmpty();
	}

	@Test
	void a_meta_box_for_something_other_than_pictures_is_refused() {
		assertThat(HeifContainer.read(replace(TestFiles.heic(), "pict", "vide"))).isEmpty();
		assertThat(HeifContainer.read(grid(1, "mdta", 0))).isEmpty();
	}

	@Test
	void item_data_outside_the_file_is_refused() {
		assertThat(HeifContainer.read(grid(1, "pict", 1_000_000))).isEmpty();
	}

	@Test
	void a_primary_item_that_is_not_declared_is_refused() {
		assertThat(HeifContainer.read(grid(9, "pict", 0))).isEmpty();
	}

	@Test
	void a_coded_image_without_its_decoder_configuration_is_refused() {
		assertThat(HeifContainer.read(replace(TestFiles.heic(), "hvcC", "hvcX"))).isEmpty();
	}

	@Test
	void an_image_of_another_codec_is_refused() {
		assertThat(HeifContainer.read(replace(TestFiles.heic(), "hvc1", "av01"))).isEmpty();
	}

	@Property(tries = 500)
	void any_changed_byte_gives_an_answer_never_an_exception(@ForAll @IntRange(min = 0, max = 469) int position,
			@ForAll byte value) {
		byte[] heic = TestFiles.heic();
		heic[position] = value;

		HeifContainer.read(heic);
	}

	/** Replaces the first occurrence of a four-character code. */
	static byte[] replace(byte[] file, String from, String to) {
		byte[] out = file.clone();
		String text = new String(out, StandardCharsets.ISO_8859_1);
		int at = text.indexOf(from);
		assertThat(at).as(from).isNotNegative();
		System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, out, at, 4);
		return out;
	}

	/**
	 * A photo laid out as iPhones write them: the primary item is a 'grid' of two HEVC
	 * tiles, its descriptor in 'idat' (iloc version 1, construction method 1), the tiles
	 * in 'mdat'. Tiles reuse the coded picture of the real file. {@code shift} moves the
	 * tiles' offsets, to point outside the file.
	 */
	static byte[] grid(int primary, String handler, int shift) {
		byte[] real = TestFiles.heic();
		byte[] hvcC = slice(real, "hvcC");
		byte[] coded = Arrays.copyOfRange(real, new String(real, StandardCharsets.ISO_8859_1).indexOf("mdat") + 4,
				real.length);
		byte[] ftyp = box("ftyp", "heic".getBytes(StandardCharsets.US_ASCII), new byte[4],
				"mif1heic".getBytes(StandardCharsets.US_ASCII));
		byte[] meta = meta(primary, handler, hvcC, 0, coded.length);
		int tiles = ftyp.length + meta.length + 8 + shift;
		meta = meta(primary, handler, hvcC, tiles, coded.length);
		ByteBuffer file = ByteBuffer.allocate(ftyp.length + meta.length + 8 + coded.length);
		return file.put(ftyp).put(meta).put(box("mdat", coded)).array();
	}

	private static byte[] meta(int primary, String handler, byte[] hvcC, int tileOffset, int tileLength) {
		byte[] hdlr = fullBox("hdlr", 0, 0, new byte[4], handler.getBytes(StandardCharsets.US_ASCII), new byte[12],
				new byte[1]);
		byte[] pitm = fullBox("pitm", 0, 0, u16(primary));
		byte[] iinf = fullBox("iinf", 0, 0, u16(3), infe(1, "grid"), infe(2, "hvc1"), infe(3, "hvc1"));
		byte[] ipco = box("ipco", hvcC, fullBox("ispe", 0, 0, u32(192), u32(64)),
				fullBox("ispe", 0, 0, u32(96), u32(64)));
		byte[] ipma = fullBox("ipma", 0, 0, u32(3), u16(1), bytes(1, 2), u16(2), bytes(2, 0x81, 3), u16(3),
				bytes(2, 0x81, 3));
		byte[] idat = box("idat", bytes(0, 0, 0, 1), u16(192), u16(64));
		byte[] iloc = fullBox("iloc", 1, 0, bytes(0x44, 0x00), u16(3), u16(1), u16(1), u16(0), u16(1), u32(0), u32(8),
				u16(2), u16(0), u16(0), u16(1), u32(tileOffset), u32(tileLength), u16(3), u16(0), u16(0), u16(1),
				u32(tileOffset), u32(tileLength));
		return fullBox("meta", 0, 0, hdlr, pitm, iinf, box("iprp", ipco, ipma), idat, iloc);
	}

	private static byte[] infe(int id, String type) {
		return fullBox("infe", 2, 0, u16(id), u16(0), type.getBytes(StandardCharsets.US_ASCII), new byte[1]);
	}

	private static byte[] slice(byte[] file, String type) {
		int at = new String(file, StandardCharsets.ISO_8859_1).indexOf(type) - 4;
		int size = ByteBuffer.wrap(file, at, 4).getInt();
		return Arrays.copyOfRange(file, at, at + size);
	}

	private static byte[] u16(int v) {
		return bytes(v >> 8, v);
	}

	private static byte[] u32(int v) {
		return ByteBuffer.allocate(4).putInt(v).array();
	}

}
