package jp.kennin.roster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The keys (記号・番号・枝番) of the rows read so far, with the line each was first seen on:
 * finds duplicate keys and families without their 本人 while the file streams by, so no
 * cross-row check has to wait for the database. Keys are packed exactly (no hashing away
 * of information) into two longs, about 20 bytes a row where a map of strings would take
 * ~120: a roster of a million people needs ~40 MB.
 * <p>
 * Only valid keys may be added: 記号 1–8 and 番号 1–10 ASCII letters or digits, 枝番 two
 * digits.
 */
final class KeyIndex {

	/** A family row whose insured person (枝番 00) is not in the file. */
	record Orphan(int line, String kigo, String bango) {
	}

	private static final int BITS = 6;

	private static final long KIGO_MASK = (1L << 48) - 1;

	private long[] high;

	private long[] low;

	/** 0 marks a free slot (data lines start at 2). */
	private int[] lines;

	private int size;

	KeyIndex() {
		allocate(1 << 12);
	}

	/**
	 * Adds a key first seen on {@code line} (≥ 1).
	 * @return 0 if the key is new, otherwise the line it was first seen on (the key is
	 * not added again)
	 */
	int add(String kigo, String bango, String edaban, int line) {
		if (line <= 0) {
			throw new IllegalArgumentException("line must be positive");
		}
		long hi = pack(kigo, 8) | ((long) edaban(edaban) << 48);
		long lo = pack(bango, 10);
		int slot = find(hi, lo);
		if (lines[slot] != 0) {
			return lines[slot];
		}
		if ((size + 1) * 4L > lines.length * 3L) {
			grow();
			slot = find(hi, lo);
		}
		high[slot] = hi;
		low[slot] = lo;
		lines[slot] = line;
		size++;
		return 0;
	}

	int size() {
		return size;
	}

	/** Family rows (枝番 other than 00) whose household has no 枝番 00 row, by line. */
	List<Orphan> orphans() {
		List<Orphan> orphans = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			if (lines[i] == 0 || (high[i] >>> 48) == 0) {
				continue;
			}
			long insured = high[i] & KIGO_MASK;
			if (lines[find(insured, low[i])] == 0) {
				orphans.add(new Orphan(lines[i], unpack(insured), unpack(low[i])));
			}
		}
		orphans.sort(Comparator.comparingInt(Orphan::line));
		return orphans;
	}

	private int find(long hi, long lo) {
		int mask = lines.length - 1;
		long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
		int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
		while (lines[slot] != 0 && (high[slot] != hi || low[slot] != lo)) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldHigh = high;
		long[] oldLow = low;
		int[] oldLines = lines;
		allocate(oldLines.length * 2);
		for (int i = 0; i < oldLines.length; i++) {
			if (oldLines[i] != 0) {
				int slot = find(oldHigh[i], oldLow[i]);
				high[slot] = oldHigh[i];
				low[slot] = oldLow[i];
				lines[slot] = oldLines[i];
			}
		}
	}

	private void allocate(int capacity) {
		high = new long[capacity];
		low = new long[capacity];
		lines = new int[capacity];
	}

	/** Six bits a character, codes 1–62, so that "1" and "01" stay apart. */
	static long pack(String s, int max) {
		if (s.isEmpty() || s.length() > max) {
			throw new IllegalArgumentException("key part of 1 to " + max + " characters expected: " + s);
		}
		long v = 0;
		for (int i = 0; i < s.length(); i++) {
			v = (v << BITS) | code(s.charAt(i));
		}
		return v;
	}

	static String unpack(long v) {
		StringBuilder sb = new StringBuilder(10);
		while (v != 0) {
			sb.append(character((int) (v & ((1 << BITS) - 1))));
			v >>>= BITS;
		}
		return sb.reverse().toString();
	}

	private static int edaban(String edaban) {
		if (edaban.length() != 2 || !Character.isDigit(edaban.charAt(0)) || !Character.isDigit(edaban.charAt(1))) {
			throw new IllegalArgumentException("two-digit 枝番 expected: " + edaban);
		}
		return (edaban.charAt(0) - '0') * 10 + (edaban.charAt(1) - '0');
	}

	private static int code(char c) {
		if (c >= '0' && c <= '9') {
			return 1 + c - '0';
		}
		if (c >= 'A' && c <= 'Z') {
			return 11 + c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return 37 + c - 'a';
		}
		throw new IllegalArgumentException("ASCII letter or digit expected: " + c);
	}

	private static char character(int code) {
		if (code <= 10) {
			return (char) ('0' + code - 1);
		}
		return code <= 36 ? (char) ('A' + code - 11) : (char) ('a' + code - 37);
	}

}
