package jp.kennin.platform;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddressesTests {

	@ParameterizedTest
	@CsvSource({ "192.0.2.1, 192.0.2.1", "' 192.0.2.1 ', 192.0.2.1", "192.0.2.1:8443, 192.0.2.1",
			"2001:db8::1, 2001:db8:0:0:0:0:0:1", "[2001:db8::1], 2001:db8:0:0:0:0:0:1",
			"[2001:db8::1]:443, 2001:db8:0:0:0:0:0:1", "::1, 0:0:0:0:0:0:0:1", "::ffff:192.0.2.7, 192.0.2.7",
			"fe80::1%eth0, fe80:0:0:0:0:0:0:1" })
	void addresses_are_read_in_the_forms_proxies_write(String text, String canonical) {
		assertThat(IpAddresses.normalise(text)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>x</script>", "evil.example", "localhost", "unknown", "256.1.1.1", "1.2.3",
			"01.2.3.4", "1.2.3.4.5", "2001:db8::1::2", "zz::1", "", " ", "1.2.3.4, 5.6.7.8", "1.2.3.4\r\nX: y" })
	void anything_else_is_no_address(String text) {
		assertThat(IpAddresses.parse(text)).isEmpty();
	}

	@Test
	void trusted_proxies_are_addresses_and_cidr_blocks_of_both_families() {
		TrustedProxies trusted = TrustedProxies.parse(List.of("10.0.0.5", " 192.168.10.0/24", "fd00::/8", ""));
		assertThat(trusted.contains(IpAddresses.parse("10.0.0.5").orElseThrow())).isTrue();
		assertThat(trusted.contains(IpAddresses.parse("10.0.0.6").orElseThrow())).isFalse();
		assertThat(trusted.contains(IpAddresses.parse("192.168.10.200").orElseThrow())).isTrue();
		assertThat(trusted.contains(IpAddresses.parse("192.168.11.1").orElseThrow())).isFalse();
		assertThat(trusted.contains(IpAddresses.parse("fd12::7").orElseThrow())).isTrue();
		assertThat(trusted.contains(IpAddresses.parse("fe80::1").orElseThrow())).isFalse();
		assertThat(trusted.cidrList()).isEqualTo("10.0.0.5/32,192.168.10.0/24,fd00:0:0:0:0:0:0:0/8");
		assertThat(TrustedProxies.parse(List.of()).isEmpty()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "proxy.example", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "*" })
	void a_bad_trusted_proxy_entry_stops_startup_naming_the_setting(String entry) {
		assertThatThrownBy(() -> TrustedProxies.parse(List.of(entry))).isInstanceOf(StartupProblem.class)
			.hasMessageContaining("kennin.trusted-proxies");
	}

}
