package jp.kennin.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Tomcat's RemoteIpValve, believing forwarded headers only from {@link TrustedProxies}.
 * <p>
 * Why the valve and not a servlet filter (or Spring's ForwardedHeaderFilter, which
 * believes every client): it works on Tomcat's own request, before anything else runs, so
 * the client address, {@code isSecure()}, the scheme and the host are right everywhere at
 * once, including error pages and the absolute redirects Tomcat builds itself, and it
 * walks X-Forwarded-For from the right, skipping the trusted proxies, so what a client
 * wrote in front of its proxy's entry is not taken for its address. Two things are added
 * here: from any other peer every X-Forwarded-* and Forwarded header is removed before
 * the application sees it (so no code can read a forged one), and from a trusted proxy
 * X-Forwarded-For keeps only the IP literals its proxies appended, so the client address
 * is always a valid IP (never header text such as {@code <script>}) and no entry is ever
 * resolved through DNS. RFC 7239 {@code Forwarded} is not read.
 */
class TrustedProxyValve extends RemoteIpValve {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private final TrustedProxies trusted;

	TrustedProxyValve(TrustedProxies trusted) {
		this.trusted = trusted;
		setRemoteIpHeader(FORWARDED_FOR);
		setProtocolHeader("X-Forwarded-Proto");
		setProtocolHeaderHttpsValue("https");
		setHostHeader("X-Forwarded-Host");
		setPortHeader("X-Forwarded-Port");
		// Always set: RemoteIpValve's own default trusts every private network.
		setInternalProxies(trusted.cidrList());
		setTrustedProxies("");
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
		Optional<InetAddress> peer = IpAddresses.parse(request.getRemoteAddr());
		if (peer.isEmpty() || !trusted.contains(peer.get())) {
			removeForwardingHeaders(headers, true);
			getNext().invoke(request, response);
			return;
		}
		removeForwardingHeaders(headers, false);
		keepAppendedAddresses(request, headers);
		super.invoke(request, response);
	}

	private static void removeForwardingHeaders(MimeHeaders headers, boolean all) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			String name = headers.getName(i).toString().toLowerCase(Locale.ROOT);
			if (name.equals("forwarded") || name.equals("x-real-ip") || (all && name.startsWith("x-forwarded-"))) {
				names.add(name);
			}
		}
		names.forEach(headers::removeHeader);
	}

	/**
	 * Keeps the rightmost run of valid addresses: each proxy appends the address it saw,
	 * so everything left of the first entry that is no address was written by the client
	 * or a proxy we cannot vouch for.
	 */
	private static void keepAppendedAddresses(Request request, MimeHeaders headers) {
		List<String> entries = new ArrayList<>();
		Enumeration<String> values = request.getHeaders(FORWARDED_FOR);
		while (values.hasMoreElements()) {
			for (String entry : values.nextElement().split(",")) {
				entries.add(entry);
			}
		}
		if (entries.isEmpty()) {
			return;
		}
		Deque<String> kept = new ArrayDeque<>();
		for (int i = entries.size() - 1; i >= 0; i--) {
			String address = IpAddresses.normalise(entries.get(i));
			if (address == null) {
				break;
			}
			kept.addFirst(address);
		}
		headers.removeHeader(FORWARDED_FOR);
		if (!kept.isEmpty()) {
			headers.addValue(FORWARDED_FOR).setString(String.join(", ", kept));
		}
	}

}
