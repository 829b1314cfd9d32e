package jp.kennin.document.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves that bytes which start like HEIC are a HEIF image container (ISO/IEC 14496-12
 * boxes, ISO/IEC 23008-12 items) before they are stored or handed to a converter: boxes
 * nest and end inside the file, and cover it exactly; one {@code meta} box with a
 * {@code pict} handler; a primary item ({@code pitm}) declared in {@code iinf} as an HEVC
 * image or a grid/overlay of them; every coded item located ({@code iloc}) inside
 * {@code mdat} or {@code idat} and carrying its decoder configuration ({@code hvcC}); the
 * primary image's size ({@code ispe}). Nothing is decoded, so this does not prove the
 * pixels are intact — the converter does, when one is configured.
 * <p>
 * Written here rather than taken from metadata-extractor: that library reads HEIF
 * leniently by design (a truncated box simply ends the walk) and exposes brands and sizes
 * only, not the item structure.
 */
final class HeifContainer {

	record Image(long width, long height) {
	}

	/**
	 * ftyp brands of HEIF files that hold still images (iPhone: major "heic", compatible
	 * "mif1").
	 */
	private static final Set<String> BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1");

	private static final String HEVC = "hvc1";

	/**
	 * Image items Kennin accepts as the primary picture: HEVC-coded, or derived from HEVC
	 * tiles.
	 */
	private static final Set<String> PRIMARY_TYPES = Set.of(HEVC, "grid", "iovl", "iden");

	/** An HEVCDecoderConfigurationRecord without any parameter set is 23 bytes long. */
	private static final int HVCC_MINIMUM = 23;

	/**
	 * Derived images with a descriptor of their own that must be located like coded data.
	 */
	private static final Set<String> DESCRIBED_TYPES = Set.of(HEVC, "grid", "iovl");

	private HeifContainer() {
	}

	/**
	 * The primary image's size, or empty if the bytes are not a HEIF image container as
	 * described above.
	 */
	static Optional<Image> read(byte[] file) {
		try {
			return Optional.of(new Parse(file).image());
		}
		catch (Malformed ex) {
			return Optional.empty();
		}
	}

	private static final class Malformed extends Exception {

		Malformed() {
			super(null, null, false, false);
		}

	}

	private record Box(String type, int start, int payload, int end) {

		boolean is(String t) {
			return type.equals(t);
		}

		/**
		 * Whether {@code length} bytes from {@code from} lie in the payload (written so
		 * no sum can overflow).
		 */
		boolean contains(long from, long length) {
			return from >= payload && from <= end && length >= 0 && length <= end - from;
		}

	}

	private record Location(int method, long offset, long length) {
	}

	private static final class Parse {

		private final byte[] b;

		private final List<Box> top;

		Parse(byte[] file) throws Malformed {
			this.b = file;
			this.top = boxes(0, file.length, true);
		}

		Image image() throws Malformed {
			if (top.isEmpty() || !top.get(0).is("ftyp")) {
				throw new Malformed();
			}
			brands(top.get(0));
			Box meta = only(top, "meta");
			Cursor m = new Cursor(meta.payload(), meta.end());
			if (m.fullBoxVersion() != 0) {
				throw new Malformed();
			}
			List<Box> inMeta = boxes(m.pos, meta.end(), false);
			handler(only(inMeta, "hdlr"));
			long primary = primaryItem(only(inMeta, "pitm"));
			Map<Long, String> types = itemTypes(only(inMeta, "iinf"));
			Map<Long, List<Location>> locations = locations(only(inMeta, "iloc"));
			Box idat = optional(inMeta, "idat");
			Map<Long, List<Box>> properties = properties(only(inMeta, "iprp"));

			String primaryType = types.get(primary);
			if (primaryType == null || !PRIMARY_TYPES.contains(primaryType) || !types.containsValue(HEVC)) {
				throw new Malformed();
			}
			for (Map.Entry<Long, List<Location>> item : locations.entrySet()) {
				if (!types.containsKey(item.getKey())) {
					throw new Malformed();
				}
				for (Location l : item.getValue()) {
					located(l, idat);
				}
			}
			for (Map.Entry<Long, String> item : types.entrySet()) {
				if (DESCRIBED_TYPES.contains(item.getValue()) && !locations.containsKey(item.getKey())) {
					throw new Malformed();
				}
				Box hvcC = HEVC.equals(item.getValue()) ? property(properties, item.getKey(), "hvcC") : null;
				if (HEVC.equals(item.getValue()) && (hvcC == null || hvcC.end() - hvcC.payload() < HVCC_MINIMUM)) {
					throw new Malformed();
				}
			}
			Box ispe = property(properties, primary, "ispe");
			if (ispe == null) {
				throw new Malformed();
			}
			Cursor size = new Cursor(ispe.payload(), ispe.end());
			size.fullBoxVersion();
			long width = size.u(4);
			long height = size.u(4);
			if (width == 0 || height == 0) {
				throw new Malformed();
			}
			return new Image(width, height);
		}

		/**
		 * The boxes that exactly fill the bytes from {@code from} up to {@code to}; size
		 * 0 (up to the end) only at the top.
		 */
		private List<Box> boxes(int from, int to, boolean topLevel) throws Malformed {
			List<Box> list = new ArrayList<>();
			int pos = from;
			while (pos < to) {
				Cursor c = new Cursor(pos, to);
				long size = c.u(4);
				String type = c.fourcc();
				if (size == 1) {
					size = c.u(8);
				}
				else if (size == 0 && topLevel) {
					size = to - pos;
				}
				if (size < c.pos - pos || size > to - pos) {
					throw new Malformed();
				}
				list.add(new Box(type, pos, c.pos, (int) (pos + size)));
				pos += (int) size;
			}
			return list;
		}

		private void brands(Box ftyp) throws Malformed {
			int length = ftyp.end() - ftyp.payload();
			if (length < 8 || length % 4 != 0) {
				throw new Malformed();
			}
			Cursor c = new Cursor(ftyp.payload(), ftyp.end());
			boolean heif = BRANDS.contains(c.fourcc());
			c.u(4); // minor version
			while (c.pos < ftyp.end()) {
				heif |= BRANDS.contains(c.fourcc());
			}
			if (!heif) {
				throw new Malformed();
			}
		}

		private void handler(Box hdlr) throws Malformed {
			Cursor c = new Cursor(hdlr.payload(), hdlr.end());
			c.fullBoxVersion();
			c.u(4); // pre_defined
			if (!"pict".equals(c.fourcc())) {
				throw new Malformed();
			}
		}

		private long primaryItem(Box pitm) throws Malformed {
			Cursor c = new Cursor(pitm.payload(), pitm.end());
			return c.u(c.fullBoxVersion() == 0 ? 2 : 4);
		}

		private Map<Long, String> itemTypes(Box iinf) throws Malformed {
			Cursor c = new Cursor(iinf.payload(), iinf.end());
			long count = c.u(c.fullBoxVersion() == 0 ? 2 : 4);
			List<Box> entries = boxes(c.pos, iinf.end(), false);
			if (entries.size() != count) {
				throw new Malformed();
			}
			Map<Long, String> types = new HashMap<>();
			for (Box infe : entries) {
				if (!infe.is("infe")) {
					throw new Malformed();
				}
				Cursor e = new Cursor(infe.payload(), infe.end());
				int version = e.fullBoxVersion();
				if (version < 2) {
					throw new Malformed(); // versions 0 and 1 carry no item type: not a
											// HEIF image item
				}
				long id = e.u(version == 2 ? 2 : 4);
				e.u(2); // item_protection_index
				if (types.put(id, e.fourcc()) != null) {
					throw new Malformed();
				}
			}
			return types;
		}

		private Map<Long, List<Location>> locations(Box iloc) throws Malformed {
			Cursor c = new Cursor(iloc.payload(), iloc.end());
			int version = c.fullBoxVersion();
			if (version > 2) {
				throw new Malformed();
			}
			int sizes = (int) c.u(1);
			int offsetSize = sizes >> 4;
			int lengthSize = sizes & 0xF;
			int more = (int) c.u(1);
			int baseOffsetSize = more >> 4;
			int indexSize = version == 0 ? 0 : more & 0xF;
			for (int s : new int[] { offsetSize, lengthSize, baseOffsetSize, indexSize }) {
				if (s != 0 && s != 4 && s != 8) {
					throw new Malformed();
				}
			}
			long count = c.u(version < 2 ? 2 : 4);
			Map<Long, List<Location>> items = new HashMap<>();
			for (long i = 0; i < count; i++) {
				long id = c.u(version < 2 ? 2 : 4);
				int method = version == 0 ? 0 : (int) (c.u(2) & 0xF);
				if (c.u(2) != 0 || method > 1) {
					throw new Malformed(); // data in another file, or built from other
											// items: not supported
				}
				long base = c.u(baseOffsetSize);
				long extents = c.u(2);
				if (extents == 0) {
					throw new Malformed();
				}
				List<Location> list = new ArrayList<>();
				for (long e = 0; e < extents; e++) {
					c.u(indexSize);
					list.add(new Location(method, base + c.u(offsetSize), c.u(lengthSize)));
				}
				if (items.put(id, list) != null) {
					throw new Malformed();
				}
			}
			if (c.pos != iloc.end()) {
				throw new Malformed();
			}
			return items;
		}

		/**
		 * File data lies in an mdat box (length 0: up to the end of the file); idat data
		 * inside idat.
		 */
		private void located(Location l, Box idat) throws Malformed {
			if (l.method() == 1) {
				if (idat == null || !idat.contains(idat.payload() + l.offset(), l.length())) {
					throw new Malformed();
				}
				return;
			}
			for (Box box : top) {
				if (box.is("mdat") && (l.length() == 0 ? box.end() == b.length && box.contains(l.offset(), 1)
						: box.contains(l.offset(), l.length()))) {
					return;
				}
			}
			throw new Malformed();
		}

		/**
		 * Item ID → its properties, from ipco (the property boxes) and ipma (which item
		 * has which).
		 */
		private Map<Long, List<Box>> properties(Box iprp) throws Malformed {
			List<Box> children = boxes(iprp.payload(), iprp.end(), false);
			List<Box> ipco = boxes(only(children, "ipco").payload(), only(children, "ipco").end(), false);
			Map<Long, List<Box>> byItem = new HashMap<>();
			for (Box ipma : children) {
				if (!ipma.is("ipma")) {
					continue;
				}
				Cursor c = new Cursor(ipma.payload(), ipma.end());
				int version = c.fullBoxVersion();
				boolean wideIndex = (c.flags & 1) != 0;
				long entries = c.u(4);
				for (long i = 0; i < entries; i++) {
					long id = c.u(version < 1 ? 2 : 4);
					long associations = c.u(1);
					List<Box> props = byItem.computeIfAbsent(id, k -> new ArrayList<>());
					for (long a = 0; a < associations; a++) {
						long index = wideIndex ? c.u(2) & 0x7FFF : c.u(1) & 0x7F;
						if (index > ipco.size()) {
							throw new Malformed();
						}
						if (index > 0) {
							props.add(ipco.get((int) index - 1));
						}
					}
				}
				if (c.pos != ipma.end()) {
					throw new Malformed();
				}
			}
			return byItem;
		}

		private static Box property(Map<Long, List<Box>> properties, long item, String type) {
			return properties.getOrDefault(item, List.of()).stream().filter(p -> p.is(type)).findFirst().orElse(null);
		}

		private static Box only(List<Box> boxes, String type) throws Malformed {
			Box found = optional(boxes, type);
			if (found == null) {
				throw new Malformed();
			}
			return found;
		}

		private static Box optional(List<Box> boxes, String type) throws Malformed {
			Box found = null;
			for (Box box : boxes) {
				if (box.is(type)) {
					if (found != null) {
						throw new Malformed();
					}
					found = box;
				}
			}
			return found;
		}

		/** Big-endian reads that never pass {@code end}. */
		private final class Cursor {

			int pos;

			final int end;

			int flags;

			Cursor(int pos, int end) {
				this.pos = pos;
				this.end = end;
			}

			long u(int bytes) throws Malformed {
				if (bytes > end - pos) {
					throw new Malformed();
				}
				long v = 0;
				for (int i = 0; i < bytes; i++) {
					v = v << 8 | (b[pos++] & 0xFF);
				}
				if (v < 0) {
					throw new Malformed(); // a 64-bit size or offset beyond any real file
				}
				return v;
			}

			String fourcc() throws Malformed {
				if (4 > end - pos) {
					throw new Malformed();
				}
				String s = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
				pos += 4;
				return s;
			}

			int fullBoxVersion() throws Malformed {
				long header = u(4);
				flags = (int) (header & 0xFFFFFF);
				return (int) (header >>> 24);
			}

		}

	}

}
