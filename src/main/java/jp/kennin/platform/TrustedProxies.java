package jp.kennin.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse proxies whose forwarded headers Kennin believes
 * ({@code kennin.trusted-proxies}): single addresses or CIDR blocks, IPv4 and IPv6. Empty
 * by default, so nothing a visitor sends is believed.
 */
final class TrustedProxies {

	private final List<Block> blocks;

	private TrustedProxies(List<Block> blocks) {
		this.blocks = List.copyOf(blocks);
	}

	static TrustedProxies parse(List<String> entries) {
		List<Block> blocks = new ArrayList<>();
		for (String entry : entries == null ? List.<String>of() : entries) {
			if (entry != null && !entry.isBlank()) {
				blocks.add(Block.parse(entry.strip()));
			}
		}
		return new TrustedProxies(blocks);
	}

	boolean isEmpty() {
		return blocks.isEmpty();
	}

	boolean contains(InetAddress address) {
		return blocks.stream().anyMatch(b -> b.contains(address));
	}

	/**
	 * Every block in CIDR notation, comma-separated (what Tomcat's RemoteIpValve takes as
	 * a net mask list).
	 */
	String cidrList() {
		return blocks.stream().map(Block::toString).collect(Collectors.joining(","));
	}

	private record Block(byte[] network, int prefix) {

		static Block parse(String entry) {
			int slash = entry.indexOf('/');
			String address = slash < 0 ? entry : entry.substring(0, slash);
			byte[] bytes = IpAddresses.parse(address).map(InetAddress::getAddress).orElseThrow(() -> invalid(entry));
			int prefix = bytes.length * 8;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(entry);
				}
				if (prefix < 0 || prefix > bytes.length * 8) {
					throw invalid(entry);
				}
			}
			return new Block(mask(bytes, prefix), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			return candidate.length == network.length && Arrays.equals(mask(candidate, prefix), network);
		}

		private static byte[] mask(byte[] bytes, int prefix) {
			byte[] masked = bytes.clone();
			for (int i = 0; i < masked.length; i++) {
				int keep = Math.max(0, Math.min(8, prefix - i * 8));
				masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
			}
			return masked;
		}

		private static StartupProblem invalid(String entry) {
			return new StartupProblem("kennin.trusted-proxies: \"" + entry + "\" is not an IP address or CIDR block.",
					"Set KENNIN_TRUSTEDPROXIES to the addresses of your reverse proxies, comma-separated, e.g. "
							+ "10.0.0.5,192.168.10.0/24,fd00::/8 (or leave it empty without a proxy).");
		}

		@Override
		public String toString() {
			try {
				return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
