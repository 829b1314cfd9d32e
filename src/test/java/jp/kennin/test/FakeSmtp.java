package jp.kennin.test;

import java.util.Locale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A tiny SMTP server on a free loopback port: it accepts every mail, except that it
 * answers {@code 550 5.1.1} to recipients {@link #refuse} matches, as a mail server does
 * for an unknown user. Keeps the recipients it accepted (not the mails), so it also
 * serves as a fast sink for benchmarks.
 */
public final class FakeSmtp implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final AtomicLong delivered = new AtomicLong();

	private volatile Predicate<String> refuse = to -> false;

	public FakeSmtp() throws IOException {
		this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "fake-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Recipients matching {@code rule} are refused with 550 from now on. */
	public void refuse(Predicate<String> rule) {
		this.refuse = rule;
	}

	/** The recipients of the mails accepted so far, in order. */
	public List<String> accepted() {
		return List.copyOf(accepted);
	}

	public long delivered() {
		return delivered.get();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread t = new Thread(() -> serve(socket), "fake-smtp-session");
				t.setDaemon(true);
				t.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 fake ESMTP");
			List<String> rcpt = new CopyOnWriteArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String upper = line.toUpperCase(Locale.ROOT);
				if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
					reply(out, "250 fake");
				}
				else if (upper.startsWith("MAIL FROM")) {
					rcpt.clear();
					reply(out, "250 2.1.0 ok");
				}
				else if (upper.startsWith("RCPT TO")) {
					String to = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
					if (refuse.test(to)) {
						reply(out, "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown");
					}
					else {
						rcpt.add(to);
						reply(out, "250 2.1.5 ok");
					}
				}
				else if (upper.equals("DATA")) {
					reply(out, "354 go ahead");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the body is not kept
					}
					accepted.addAll(rcpt);
					delivered.incrementAndGet();
					reply(out, "250 2.0.0 queued");
				}
				else if (upper.equals("RSET") || upper.equals("NOOP")) {
					rcpt.clear();
					reply(out, "250 ok");
				}
				else if (upper.equals("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "502 command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

}
