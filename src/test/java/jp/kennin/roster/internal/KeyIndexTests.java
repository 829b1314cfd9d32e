package jp.kennin.roster.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.internal.KeyIndex.Orphan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory key index against a plain map of strings as the model. */
class KeyIndexTests {

	record Key(String kigo, String bango, String edaban) {
	}

	@Property(tries = 200)
	void finds_exactly_the_duplicates_and_orphans_a_map_of_strings_finds(
			@ForAll("keys") @Size(max = 3000) List<Key> keys) {
		KeyIndex index = new KeyIndex();
		Map<Key, Integer> model = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			int line = i + 2;
			Integer first = model.putIfAbsent(key, line);
			assertThat(index.add(key.kigo(), key.bango(), key.edaban(), line)).isEqualTo(first == null ? 0 : first);
		}
		assertThat(index.size()).isEqualTo(model.size());
		Map<Integer, Orphan> expected = new TreeMap<>();
		model.forEach((key, line) -> {
			if (!key.edaban().equals("00") && !model.containsKey(new Key(key.kigo(), key.bango(), "00"))) {
				expected.put(line, new Orphan(line, key.kigo(), key.bango()));
			}
		});
		assertThat(index.orphans()).containsExactlyElementsOf(new ArrayList<>(expected.values()));
	}

	@Property
	void packing_keeps_every_key_part_apart(@ForAll("part") String a, @ForAll("part") String b) {
		assertThat(KeyIndex.pack(a, 10) == KeyIndex.pack(b, 10)).isEqualTo(a.equals(b));
		assertThat(KeyIndex.unpack(KeyIndex.pack(a, 10))).isEqualTo(a);
	}

	@Test
	void leading_zeros_and_case_make_different_keys() {
		KeyIndex index = new KeyIndex();
		assertThat(index.add("1", "t011", "00", 2)).isZero();
		assertThat(index.add("01", "t011", "00", 3)).isZero();
		assertThat(index.add("01", "T011", "00", 4)).isZero();
		assertThat(index.add("01", "t011", "01", 5)).isZero();
		assertThat(index.add("01", "t011", "00", 6)).isEqualTo(3);
	}

	@Test
	void grows_past_its_first_capacity_and_keeps_every_key() {
		KeyIndex index = new KeyIndex();
		for (int i = 0; i < 100_000; i++) {
			assertThat(index.add("zZ9", Integer.toString(i, 36), "00", i + 2)).isZero();
		}
		assertThat(index.add("zZ9", Integer.toString(77_777, 36), "00", 1)).isEqualTo(77_779);
		assertThat(index.size()).isEqualTo(100_000);
	}

	@Test
	void refuses_keys_the_parser_would_have_refused() {
		KeyIndex index = new KeyIndex();
		assertThatThrownBy(() -> index.add("123456789", "1", "00", 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.add("01", "t-1", "00", 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> index.add("01", "1", "0", 2)).isInstanceOf(IllegalArgumentException.class);
	}

	@Provide
	Arbitrary<List<Key>> keys() {
		// Few distinct values, so that duplicates and households with and without 本人 are
		// common.
		Arbitrary<String> kigo = Arbitraries.of("1", "01", "A", "a", "zzzzzzzz", "12345678");
		Arbitrary<String> bango = Arbitraries.of("1", "t011", "T011", "0000000001", "ZZZZZZZZZZ", "9");
		Arbitrary<String> edaban = Arbitraries.of("00", "00", "01", "02", "10", "99");
		return Combinators.combine(kigo, bango, edaban).as(Key::new).list();
	}

	@Provide
	Arbitrary<String> part() {
		return Arbitraries.strings()
			.withCharRange('0', '9')
			.withCharRange('A', 'Z')
			.withCharRange('a', 'z')
			.ofMinLength(1)
			.ofMaxLength(10);
	}

}
