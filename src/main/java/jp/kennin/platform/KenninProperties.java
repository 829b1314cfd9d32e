package jp.kennin.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code kennin.*} setting. Documented in docs/configuration.md; keep the two in
 * step. {@code trustedProxies}: addresses or CIDR blocks of the reverse proxies whose
 * X-Forwarded-* headers are believed (see TrustedProxyValve); empty, nothing is.
 */
@Validated
@ConfigurationProperties("kennin")
public record KenninProperties(@NotNull Path dataDir,
		@NotBlank @Pattern(regexp = "https?://[^\\s]+", message = "must start with http:// or https://") String baseUrl,
		String secretKey, @Valid @NotNull Storage storage, @Valid @NotNull Mail mail, @NotNull Demo demo,
		List<String> trustedProxies) {

	@ConstructorBinding
	public KenninProperties {
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}

	public KenninProperties(Path dataDir, String baseUrl, String secretKey, Storage storage, Mail mail, Demo demo) {
		this(dataDir, baseUrl, secretKey, storage, mail, demo, List.of());
	}

	public boolean servedOverHttps() {
		return baseUrl.startsWith("https://");
	}

	public record Storage(@NotNull @Pattern(regexp = "local|s3", message = "must be local or s3") String type,
			@NotNull Path localDir, S3 s3) {

		@ConstructorBinding
		public Storage {
		}

		public Storage(String type, Path localDir) {
			this(type, localDir, null);
		}

	}

	/**
	 * S3-compatible object storage ({@code kennin.storage.type=s3}): AWS S3, MinIO, Ceph,
	 * Cloudflare R2… Without an access key the AWS default credential chain is used.
	 */
	public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
			boolean pathStyle, String prefix) {
	}

	/**
	 * The outbox. {@code claimLease}: how long a node's claim on a few mails lasts
	 * without renewal (a live node renews it; the mails of a node that died are taken by
	 * another after this). {@code batchSize}: mails claimed at once.
	 * {@code defaultPerMinute}: a tenant's mails per minute unless its settings say
	 * otherwise (0: unlimited). {@code probeInterval}: how often a node tries one mail
	 * that failed because the server was down while nothing else is due.
	 */
	public record Mail(@NotNull Path captureDir, @NotNull Duration pollInterval, @Positive int maxAttempts,
			Duration claimLease, Integer batchSize, Integer defaultPerMinute, Duration probeInterval) {

		@ConstructorBinding
		public Mail {
			claimLease = claimLease == null ? Duration.ofSeconds(15) : claimLease;
			batchSize = batchSize == null ? 10 : batchSize;
			defaultPerMinute = defaultPerMinute == null ? 600 : defaultPerMinute;
			probeInterval = probeInterval == null ? Duration.ofSeconds(30) : probeInterval;
			if (claimLease.compareTo(Duration.ofSeconds(1)) < 0 || batchSize < 1 || defaultPerMinute < 0) {
				throw new IllegalArgumentException(
						"kennin.mail: claim-lease must be at least 1s, batch-size positive, default-per-minute 0 or more");
			}
		}

		public Mail(Path captureDir, Duration pollInterval, int maxAttempts) {
			this(captureDir, pollInterval, maxAttempts, null, null, null, null);
		}

	}

	/** {@code enabled} is empty (decide by database), "true" or "false". */
	public record Demo(String enabled) {
	}

}
