package jp.kennin.roster.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Staged rows in PostgreSQL's COPY text format, written straight into a growable byte buffer: no
 * per-row {@code StringBuilder}, {@code Object[]} or whole-line re-encoding (they cost more than the
 * validation itself). Column order is {@link RosterStage#COLUMNS}.
 */
final class CopyText {

	private byte[] buf;

	private int size;

	CopyText(int capacity) {
		this.buf = new byte[capacity];
	}

	void append(StagedRow r) {
		number(r.line());
		tab();
		text(r.kigo());
		tab();
		text(r.bango());
		tab();
		text(r.edaban());
		tab();
		bool(r.insured());
		tab();
		text(r.relationship());
		tab();
		text(r.category() == null ? null : r.category().name());
		tab();
		text(r.name());
		tab();
		text(r.nameKana());
		tab();
		text(r.nameKanaKey());
		tab();
		date(r.birthDate());
		tab();
		text(r.gender());
		tab();
		text(r.email());
		tab();
		text(r.officeCode());
		tab();
		text(r.officeName());
		tab();
		bool(r.livingTogether());
		tab();
		date(r.qualifiedOn());
		put((byte) '\n');
	}

	int size() {
		return size;
	}

	byte[] array() {
		return buf;
	}

	/** The bytes so far, and an empty buffer for what follows. */
	byte[] take() {
		byte[] out = Arrays.copyOf(buf, size);
		size = 0;
		return out;
	}

	private void tab() {
		put((byte) '\t');
	}

	private void bool(Boolean b) {
		if (b == null) {
			nul();
		}
		else {
			put((byte) (b ? 't' : 'f'));
		}
	}

	private void nul() {
		put((byte) '\\');
		put((byte) 'N');
	}

	private void number(int n) {
		text(Integer.toString(n));
	}

	private void date(LocalDate d) {
		if (d == null) {
			nul();
			return;
		}
		int y = d.getYear();
		if (y < 1000 || y > 9999) {
			text(d.toString());
			return;
		}
		ensure(10);
		digits(y, 4);
		buf[size++] = '-';
		digits(d.getMonthValue(), 2);
		buf[size++] = '-';
		digits(d.getDayOfMonth(), 2);
	}

	private void digits(int value, int width) {
		for (int i = width - 1; i >= 0; i--) {
			buf[size + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		size += width;
	}

	private void text(String s) {
		if (s == null) {
			nul();
			return;
		}
		int n = s.length();
		ensure(n * 3 + 2);
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= 0x80 || c == '\\' || c < 0x20) {
				slowText(s, i);
				return;
			}
			buf[size++] = (byte) c;
		}
	}

	/** Non-ASCII or characters COPY needs escaped: from index {@code from} on. */
	private void slowText(String s, int from) {
		String rest = s.substring(from);
		if (rest.indexOf('\\') >= 0 || rest.indexOf('\t') >= 0 || rest.indexOf('\n') >= 0 || rest.indexOf('\r') >= 0) {
			rest = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
		}
		byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buf, size, bytes.length);
		size += bytes.length;
	}

	private void put(byte b) {
		ensure(1);
		buf[size++] = b;
	}

	private void ensure(int more) {
		if (size + more > buf.length) {
			buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
		}
	}

}
