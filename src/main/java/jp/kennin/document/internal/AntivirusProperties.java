package jp.kennin.document.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kennin.antivirus.*}: scanning uploads with ClamAV's clamd
 * (docs/configuration.md).
 *
 * @param enabled scan every upload before anyone may open it; off, files are clean at
 * once (the embedded demo)
 * @param host clamd's TCP address ({@code TCPAddr})
 * @param port clamd's TCP port ({@code TCPSocket})
 * @param socket path of clamd's Unix socket ({@code LocalSocket}); when set, used instead
 * of host and port
 * @param connectTimeout how long connecting to clamd may take
 * @param readTimeout how long one scan may take, from connecting to the verdict
 * @param scanInterval how often waiting files are picked up (5 s: the lock of the job is
 * fixed in the code for it)
 * @param batchSize files scanned per run at most
 */
@ConfigurationProperties("kennin.antivirus")
public record AntivirusProperties(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("3310") int port, @DefaultValue("") String socket, @DefaultValue("PT2S") Duration connectTimeout,
		@DefaultValue("PT60S") Duration readTimeout, @DefaultValue("PT5S") Duration scanInterval,
		@DefaultValue("20") int batchSize) {

}
