package jp.kennin.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the jar and a server (PostgreSQL) that the test can cut:
 * closing it drops every open connection and refuses new ones, as a database host that
 * went away does; {@link #open()} lets connections through again on the same port.
 */
final class TcpProxy implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	TcpProxy(String targetHost, int targetPort) {
		this.port = KenninJar.freePort();
		this.targetHost = targetHost;
		this.targetPort = targetPort;
	}

	int port() {
		return port;
	}

	synchronized TcpProxy open() {
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			server = listening;
			Thread accept = new Thread(() -> accept(listening), "proxy accept " + port);
			accept.setDaemon(true);
			accept.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket upstream = new Socket(targetHost, targetPort);
				sockets.add(client);
				sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed: the database is "down" until open() again
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// either side closed
			}
			closeQuietly(from);
			closeQuietly(to);
		}, "proxy pump " + port);
		thread.setDaemon(true);
		thread.start();
	}

	/** Cuts every connection and refuses new ones. */
	@Override
	public synchronized void close() {
		if (server != null) {
			closeQuietly(server);
			server = null;
		}
		for (Socket socket : sockets) {
			closeQuietly(socket);
		}
		sockets.clear();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
