package jp.kennin.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals from untrusted text (headers, stored events). Parsing never asks
 * DNS: a value that is not an IPv4 or IPv6 literal is simply not an address.
 */
public final class IpAddresses {

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

	private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):[0-9]{1,5}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})\\](:[0-9]{1,5})?");

	private IpAddresses() {
	}

	/**
	 * The address in {@code text}: an IPv4 or IPv6 literal, also in the forms proxies
	 * write into X-Forwarded-For ({@code [2001:db8::1]}, {@code [2001:db8::1]:443},
	 * {@code 192.0.2.1:443}).
	 */
	public static Optional<InetAddress> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip();
		int zone = s.indexOf('%');
		if (zone > 0 && s.indexOf(':') >= 0) {
			// A link-local peer as Tomcat reports it (fe80::1%eth0); the zone names a
			// local interface only.
			s = s.substring(0, zone) + (s.startsWith("[") && s.contains("]") ? s.substring(s.indexOf(']')) : "");
		}
		Matcher bracketed = BRACKETED_IPV6.matcher(s);
		if (bracketed.matches()) {
			return ipv6(bracketed.group(1));
		}
		Matcher withPort = IPV4_WITH_PORT.matcher(s);
		if (withPort.matches()) {
			s = withPort.group(1);
		}
		Matcher v4 = IPV4.matcher(s);
		if (v4.matches()) {
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				bytes[i] = (byte) Integer.parseInt(v4.group(i + 1));
			}
			return ipv4(bytes);
		}
		return s.indexOf(':') >= 0 && IPV6.matcher(s).matches() ? ipv6(s) : Optional.empty();
	}

	/** The canonical text of the address in {@code text}, or null if it holds none. */
	public static String normalise(String text) {
		return parse(text).map(InetAddress::getHostAddress).orElse(null);
	}

	private static Optional<InetAddress> ipv4(byte[] bytes) {
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static Optional<InetAddress> ipv6(String literal) {
		try {
			// In brackets the JDK accepts only a literal (and never falls back to a DNS
			// lookup).
			return Optional.of(InetAddress.getByName("[" + literal + "]"));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

}
