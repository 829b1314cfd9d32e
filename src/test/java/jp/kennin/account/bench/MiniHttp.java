package jp.kennin.account.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection, so that the load generator,
 * which shares the machine with Kennin, spends as little CPU as possible (like wrk would,
 * unlike java.net.http).
 */
final class MiniHttp {

	record Response(int status, List<String> headers, String body) {

		String header(String name) {
			String prefix = name.toLowerCase() + ":";
			return headers.stream()
				.filter(h -> h.toLowerCase().startsWith(prefix))
				.map(h -> h.substring(prefix.length()).strip())
				.findFirst()
				.orElse("");
		}

		/** "name=value; name2=value2" from the Set-Cookie headers. */
		String cookies() {
			return headers.stream()
				.filter(h -> h.toLowerCase().startsWith("set-cookie:"))
				.map(h -> h.substring("set-cookie:".length()).strip())
				.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
				.reduce((a, b) -> a + "; " + b)
				.orElse("");
		}

	}

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	MiniHttp(String baseUrl) {
		URI uri = URI.create(baseUrl);
		this.host = uri.getHost();
		this.port = uri.getPort();
	}

	Response get(String path, String cookie) throws IOException {
		return send("GET " + path, cookie, null, null);
	}

	Response postForm(String path, String cookie, String form) throws IOException {
		return send("POST " + path, cookie, "application/x-www-form-urlencoded", form);
	}

	private Response send(String requestLine, String cookie, String contentType, String body) throws IOException {
		try {
			return exchange(requestLine, cookie, contentType, body);
		}
		catch (IOException ex) {
			// The server may have closed an idle connection: one retry on a fresh one.
			close();
			return exchange(requestLine, cookie, contentType, body);
		}
	}

	private Response exchange(String requestLine, String cookie, String contentType, String body) throws IOException {
		if (socket == null) {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			in = new BufferedInputStream(socket.getInputStream());
			out = socket.getOutputStream();
		}
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: ")
			.append(host)
			.append(':')
			.append(port)
			.append("\r\n");
		if (cookie != null && !cookie.isEmpty()) {
			head.append("Cookie: ").append(cookie).append("\r\n");
		}
		if (contentType != null) {
			head.append("Content-Type: ")
				.append(contentType)
				.append("\r\nContent-Length: ")
				.append(content.length)
				.append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(content);
		out.flush();
		return read();
	}

	private Response read() throws IOException {
		String status = line();
		if (status == null) {
			throw new IOException("connection closed");
		}
		List<String> headers = new ArrayList<>();
		for (String h; !(h = line()).isEmpty();) {
			headers.add(h);
		}
		Response partial = new Response(Integer.parseInt(status.substring(9, 12)), headers, "");
		byte[] body;
		if (partial.header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			for (int size; (size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0;) {
				buffer.write(in.readNBytes(size));
				line();
			}
			line();
			body = buffer.toByteArray();
		}
		else {
			String length = partial.header("Content-Length");
			body = in.readNBytes(length.isEmpty() ? 0 : Integer.parseInt(length));
		}
		if (partial.header("Connection").equalsIgnoreCase("close")) {
			close();
		}
		return new Response(partial.status(), headers, new String(body, StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		for (int c; (c = in.read()) != -1;) {
			if (c == '\n') {
				String s = buffer.toString(StandardCharsets.US_ASCII);
				return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
			}
			buffer.write(c);
		}
		return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.US_ASCII);
	}

	void close() {
		try {
			if (socket != null) {
				socket.close();
			}
		}
		catch (IOException ignored) {
			// closing anyway
		}
		socket = null;
	}

}
