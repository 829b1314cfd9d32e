package jp.kennin.document.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Files for the upload tests and the benchmark, generated so no binary fixture sits in
 * the repository.
 */
public final class TestFiles {

	/** Tokyo Tower, as a phone would record it. */
	static final int[][] GPS = { { 35, 1 }, { 39, 1 }, { 3100, 100 }, { 139, 1 }, { 44, 1 }, { 2800, 100 } };

	private TestFiles() {
	}

	public static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	public static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, "png", bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static BufferedImage photo(int width, int height, long seed, int noise) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = clamp(60 + x * 150 / width + random.nextInt(noise + 1) - noise / 2);
				int g = clamp(90 + y * 120 / height + random.nextInt(noise + 1) - noise / 2);
				int b = clamp(140 - x * 60 / width + random.nextInt(noise + 1) - noise / 2);
				row[x] = r << 16 | g << 8 | b;
			}
			image.setRGB(0, y, width, 1, row, 0, width);
		}
		return image;
	}

	/**
	 * Four coloured quadrants (red, green / blue, yellow), to see where a rotation puts
	 * them.
	 */
	public static BufferedImage quadrants(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				boolean left = x < width / 2;
				boolean top = y < height / 2;
				Color c = top ? (left ? Color.RED : Color.GREEN) : (left ? Color.BLUE : Color.YELLOW);
				image.setRGB(x, y, c.getRGB());
			}
		}
		return image;
	}

	/**
	 * Inserts an EXIF APP1 segment (orientation, and GPS coordinates if asked) right
	 * after SOI.
	 */
	public static byte[] withExif(byte[] jpeg, int orientation, boolean gps) {
		ByteBuffer tiff = ByteBuffer.allocate(140); // big-endian, like many cameras
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) (gps ? 2 : 1));
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		if (gps) {
			tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		}
		tiff.putInt(0);
		if (gps) {
			tiff.position(38);
			tiff.putShort((short) 4);
			tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
			tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
			tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
			tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
			tiff.putInt(0);
			for (int[] rational : GPS) {
				tiff.putInt(rational[0]).putInt(rational[1]);
			}
		}
		byte[] tiffBytes = Arrays.copyOf(tiff.array(), gps ? 140 : 8 + 2 + 12 + 4);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		int length = 2 + 6 + tiffBytes.length;
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(tiffBytes);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * Pads a JPEG to exactly {@code size} bytes with comment segments (still a valid
	 * JPEG).
	 */
	public static byte[] padJpeg(byte[] jpeg, long size) {
		long extra = size - jpeg.length;
		if (extra < 4) {
			throw new IllegalArgumentException("cannot pad by " + extra);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
		out.write(jpeg, 0, 2);
		while (extra > 0) {
			long segment = Math.min(extra, 65537);
			if (extra - segment > 0 && extra - segment < 4) {
				segment -= 4;
			}
			int dataLength = (int) segment - 4;
			out.write(0xFF);
			out.write(0xFE);
			out.write((dataLength + 2) >> 8);
			out.write((dataLength + 2) & 0xFF);
			out.write(new byte[dataLength], 0, dataLength);
			extra -= segment;
		}
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A PNG that claims to be width × height: header only, a few bytes, never decodable
	 * in memory.
	 */
	public static byte[] pngHeader(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		ByteBuffer ihdr = ByteBuffer.allocate(13)
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	public static byte[] pdf(int pages) {
		try (PDDocument doc = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				doc.addPage(new PDPage());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PDF that needs a password to open, or (empty user password) one with only an
	 * owner password.
	 */
	public static byte[] encryptedPdf(String userPassword) {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A real HEIC photo (96 × 64, four coloured quadrants), written by libheif's
	 * {@code heif-enc -q 40}: 470 bytes, the one binary fixture, since no Java library
	 * writes HEIC.
	 */
	public static byte[] heic() {
		try (var in = TestFiles.class.getResourceAsStream("quadrants-96x64.heic")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An ISO BMFF {@code ftyp} box with the iPhone's brands, followed by whatever is
	 * given.
	 */
	public static byte[] heicHeaderThen(byte[] rest) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f',
				'1', 'h', 'e', 'i', 'c' });
		out.writeBytes(rest);
		return out.toByteArray();
	}

	/** An ISO BMFF box: 32-bit size, four-character type, payload. */
	public static byte[] box(String type, byte[]... payload) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] part : payload) {
			body.writeBytes(part);
		}
		return ByteBuffer.allocate(8 + body.size())
			.putInt(8 + body.size())
			.put(type.getBytes(StandardCharsets.US_ASCII))
			.put(body.toByteArray())
			.array();
	}

	/** A box with the FullBox version and flags before its payload. */
	public static byte[] fullBox(String type, int version, int flags, byte[]... payload) {
		byte[][] parts = new byte[payload.length + 1][];
		parts[0] = ByteBuffer.allocate(4).putInt(version << 24 | flags).array();
		System.arraycopy(payload, 0, parts, 1, payload.length);
		return box(type, parts);
	}

	public static byte[] bytes(int... values) {
		byte[] b = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

	/** True if the JPEG has an APP1 (EXIF/XMP) segment before the image data. */
	public static boolean hasApp1(byte[] jpeg) {
		int pos = 2;
		while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
			int marker = jpeg[pos + 1] & 0xFF;
			if (marker == 0xDA) {
				return false;
			}
			if (marker == 0xE1) {
				return true;
			}
			pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
		}
		return false;
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
