package jp.kennin.document.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kennin.documents.*}: image processing limits and the optional HEIC converter
 * (docs/configuration.md).
 *
 * @param maxPixels pixel-flood limit, checked from the image header before decoding
 * @param maxLongSide images are downscaled so that the longer side is at most this many
 * pixels
 * @param thumbnailLongSide size of the preview shown next to each file
 * @param jpegQuality quality of the re-encoded JPEG (0–1)
 * @param maxFilesPerOwner quota per household
 * @param concurrentProcessing how many uploads are decoded at once (each takes ~100 MB of
 * heap at peak)
 * @param heicConverter command that turns a HEIC file into a JPEG, with {input} and
 * {output} placeholders, e.g. {@code heif-convert -q 90 {input} {output}}; empty keeps
 * HEIC files as sent
 * @param heicConverterTimeout how long the converter may run
 */
@ConfigurationProperties("kennin.documents")
public record DocumentProperties(@DefaultValue("50000000") long maxPixels, @DefaultValue("2400") int maxLongSide,
		@DefaultValue("320") int thumbnailLongSide, @DefaultValue("0.85") float jpegQuality,
		@DefaultValue("200") int maxFilesPerOwner, @DefaultValue("4") int concurrentProcessing,
		@DefaultValue("") String heicConverter, @DefaultValue("PT30S") Duration heicConverterTimeout) {

	public static DocumentProperties defaults() {
		return new DocumentProperties(50_000_000, 2400, 320, 0.85f, 200, 4, "", Duration.ofSeconds(30));
	}

}
