package jp.kennin.test;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * One free SMTP port per test JVM for GreenMail. Test classes that need real SMTP put
 * {@code @TestPropertySource(properties = {"spring.mail.host=127.0.0.1",
 * "spring.mail.port=${kennin.test.smtp-port}"})} on themselves, identically, so they
 * share one application context.
 */
public final class TestSmtp {

	public static final int PORT = freePort();

	private TestSmtp() {
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
