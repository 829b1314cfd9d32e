package jp.kennin.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal client of ClamAV's clamd: {@code zINSTREAM} (chunks with a 4-byte big-endian
 * length, then a zero length; the reply NUL-terminated) and {@code zPING}, over TCP or a
 * Unix socket. A scan that takes longer than the read timeout is cut by closing its
 * channel (a Unix socket has no read timeout of its own). Any answer but "OK" or "FOUND"
 * is an {@link IOException}: the file stays in quarantine, never passes.
 */
class ClamdClient {

	private static final int CHUNK = 64 * 1024;

	private static final int MAX_REPLY = 4096;

	/** Cuts scans that overrun; one daemon thread for all. */
	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "clamd-timeout");
		thread.setDaemon(true);
		return thread;
	});

	/** The verdict on one file; {@code signature} is the name clamd gave the finding. */
	record Verdict(boolean infected, String signature) {

		static final Verdict CLEAN = new Verdict(false, null);

	}

	private final AntivirusProperties properties;

	ClamdClient(AntivirusProperties properties) {
		this.properties = properties;
	}

	/** Where clamd is, for log lines. */
	String address() {
		return properties.socket().isBlank() ? properties.host() + ":" + properties.port() : properties.socket();
	}

	Verdict scan(byte[] content) throws IOException {
		String reply = exchange(channel -> {
			write(channel, "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				int length = Math.min(CHUNK, content.length - offset);
				ByteBuffer chunk = ByteBuffer.allocate(4 + length).putInt(length).put(content, offset, length);
				write(channel, chunk.array());
			}
			write(channel, new byte[4]);
		});
		return parse(reply);
	}

	/** True if clamd answers PONG. */
	boolean ping() {
		try {
			return "PONG".equals(exchange(channel -> write(channel, "zPING\0".getBytes(StandardCharsets.US_ASCII))));
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Verdict parse(String reply) throws IOException {
		// "stream: OK", "stream: Eicar-Test-Signature.UNOFFICIAL FOUND", "... ERROR"
		String verdict = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
		if (verdict.equals("OK")) {
			return Verdict.CLEAN;
		}
		if (verdict.endsWith(" FOUND")) {
			return new Verdict(true, verdict.substring(0, verdict.length() - " FOUND".length()).strip());
		}
		throw new IOException("clamd answered: " + reply);
	}

	private interface Request {

		void send(SocketChannel channel) throws IOException;

	}

	private String exchange(Request request) throws IOException {
		try (SocketChannel channel = open()) {
			ScheduledFuture<?> cut = WATCHDOG.schedule(() -> closeQuietly(channel), properties.readTimeout().toMillis(),
					TimeUnit.MILLISECONDS);
			try {
				request.send(channel);
				return read(channel);
			}
			catch (IOException ex) {
				if (cut.isDone()) {
					throw new IOException("clamd at " + address() + " did not answer within "
							+ properties.readTimeout().toSeconds() + " s", ex);
				}
				throw ex;
			}
			finally {
				cut.cancel(false);
			}
		}
	}

	private SocketChannel open() throws IOException {
		if (!properties.socket().isBlank()) {
			SocketAddress address = UnixDomainSocketAddress.of(properties.socket());
			return SocketChannel.open(address);
		}
		SocketChannel channel = SocketChannel.open();
		try {
			// Blocking channels honour the socket's connect timeout.
			channel.socket()
				.connect(new InetSocketAddress(properties.host(), properties.port()),
						(int) Math.max(1, properties.connectTimeout().toMillis()));
			return channel;
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	private static void write(SocketChannel channel, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	private static String read(SocketChannel channel) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		ByteBuffer buffer = ByteBuffer.allocate(512);
		while (reply.size() < MAX_REPLY) {
			buffer.clear();
			int n = channel.read(buffer);
			if (n < 0) {
				break;
			}
			for (int i = 0; i < n; i++) {
				byte b = buffer.get(i);
				if (b == 0) {
					return reply.toString(StandardCharsets.US_ASCII).strip();
				}
				reply.write(b);
			}
		}
		if (reply.size() == 0) {
			throw new IOException("clamd at this address closed the connection without an answer");
		}
		return reply.toString(StandardCharsets.US_ASCII).strip();
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closing is all that is left to do
		}
	}

}
