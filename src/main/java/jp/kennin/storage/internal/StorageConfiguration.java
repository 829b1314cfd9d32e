package jp.kennin.storage.internal;

import java.net.URI;

import jp.kennin.platform.KenninProperties;
import jp.kennin.storage.FileStorage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link FileStorage} bean: local directory or S3-compatible bucket, always
 * behind encryption, so no module can store a plaintext file by accident.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	FileStorage fileStorage(KenninProperties properties) {
		KenninProperties.Storage storage = properties.storage();
		FileStorage raw = "s3".equals(storage.type())
				? new S3FileStorage(s3Client(storage.s3()), storage.s3().bucket(), storage.s3().prefix())
				: new LocalFileStorage(storage.localDir());
		return new EncryptingFileStorage(raw, EncryptingFileStorage.deriveKey(properties.secretKey()));
	}

	static S3Client s3Client(KenninProperties.S3 s3) {
		if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
			throw new IllegalStateException("kennin.storage.type=s3 needs kennin.storage.s3.bucket");
		}
		// The JDK's HttpURLConnection: enough for one request at a time per upload or
		// download, and it spares
		// the jar Apache HttpClient and the async client's Netty.
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(s3.region() == null || s3.region().isBlank() ? "us-east-1" : s3.region()))
			.forcePathStyle(s3.pathStyle());
		if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(s3.endpoint()));
		}
		if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
			builder.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}

}
