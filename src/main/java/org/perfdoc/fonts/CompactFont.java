package org.perfdoc.fonts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A face's TrueType tables, read once, and from them the small font one document needs: the outlines
 * of the glyphs of its characters, a cmap of those characters, and the face's horizontal metrics with
 * every other glyph's set to zero. OpenPDF's subsetter keeps only the glyphs drawn but copies
 * {@code hmtx} whole, 4 bytes for each of a CJK font's 30,000 glyphs, per font per PDF; given this font
 * (through its public {@code BaseFont.createFont(…, byte[] ttf, …)}) it writes the same subset with
 * those zeros, which compress to almost nothing. Glyph ids, the used glyphs' widths and outlines, and
 * so the layout, do not change.
 */
final class CompactFont {
    /** Tables OpenPDF reads from a TrueType font or copies into a subset; the rest are left out. */
    private static final String[] COPIED = {"OS/2", "cvt ", "fpgm", "head", "hhea", "maxp", "name", "prep"};

    private record Table(int offset, int length) {
    }

    private final byte[] file;
    private final Map<String, Table> tables = new HashMap<>();
    private final boolean shortLoca;
    private final int[] loca;
    private final int glyphCount;
    private final int longMetrics;
    private final Map<Integer, Integer> glyphOf;

    /** The face whose table directory starts at {@code directoryOffset} of {@code file} (0 for a .ttf). */
    CompactFont(byte[] file, int directoryOffset) {
        this.file = file;
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getInt(directoryOffset) != 0x00010000) {
            throw new IllegalArgumentException("not a TrueType-outline font");
        }
        int count = in.getShort(directoryOffset + 4) & 0xffff;
        for (int k = 0; k < count; k++) {
            int e = directoryOffset + 12 + 16 * k;
            tables.put(new String(file, e, 4, StandardCharsets.ISO_8859_1), new Table(in.getInt(e + 8), in.getInt(e + 12)));
        }
        shortLoca = in.getShort(need("head").offset() + 50) == 0;
        Table l = need("loca");
        int entries = l.length() / (shortLoca ? 2 : 4);
        loca = new int[entries];
        for (int k = 0; k < entries; k++) {
            loca[k] = shortLoca ? (in.getShort(l.offset() + 2 * k) & 0xffff) * 2 : in.getInt(l.offset() + 4 * k);
        }
        glyphCount = entries - 1;
        longMetrics = in.getShort(need("hhea").offset() + 34) & 0xffff;
        glyphOf = unicodeCmap(in);
    }

    /** The face's directory offset inside a collection ({@code .ttc}), or 0 for a single font. */
    static int directoryOffset(byte[] file, Integer face) {
        if (face == null) {
            return 0;
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getInt(0) != 0x74746366) { // "ttcf"
            throw new IllegalArgumentException("not a font collection");
        }
        return in.getInt(12 + 4 * face);
    }

    /** Whether the face draws {@code codePoint} (its cmap maps it to a glyph other than .notdef). */
    boolean hasGlyph(int codePoint) {
        Integer g = glyphOf.get(codePoint);
        return g != null && g != 0 && g < glyphCount;
    }

    /** The TrueType font holding what {@code codePoints} need, laid out for OpenPDF to read and subset. */
    byte[] compact(BitSet codePoints) {
        ByteBuffer in = ByteBuffer.wrap(file);
        Table glyf = need("glyf");
        TreeMap<Integer, Integer> cmap = new TreeMap<>();
        BitSet keep = new BitSet(glyphCount);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(0);
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            Integer g = glyphOf.get(cp);
            if (g != null && g < glyphCount) {
                cmap.put(cp, g);
                todo.add(g);
            }
        }
        while (!todo.isEmpty()) {
            int g = todo.poll();
            if (g < 0 || g >= glyphCount || keep.get(g)) {
                continue;
            }
            keep.set(g);
            components(in, glyf.offset() + loca[g], loca[g + 1] - loca[g], todo);
        }

        int glyfSize = 0;
        for (int g = keep.nextSetBit(0); g >= 0; g = keep.nextSetBit(g + 1)) {
            glyfSize += loca[g + 1] - loca[g];
        }
        byte[] newGlyf = new byte[glyfSize];
        ByteBuffer newLoca = ByteBuffer.allocate(need("loca").length());
        int at = 0;
        for (int g = 0; g <= glyphCount; g++) {
            if (shortLoca) {
                newLoca.putShort(2 * g, (short) (at / 2));
            } else {
                newLoca.putInt(4 * g, at);
            }
            if (g < glyphCount && keep.get(g)) {
                int len = loca[g + 1] - loca[g];
                System.arraycopy(file, glyf.offset() + loca[g], newGlyf, at, len);
                at += len;
            }
        }

        Table h = need("hmtx");
        byte[] hmtx = Arrays.copyOfRange(file, h.offset(), h.offset() + h.length());
        for (int g = keep.nextClearBit(0); g < glyphCount; g = keep.nextClearBit(g + 1)) {
            int pos = g < longMetrics ? 4 * g : 4 * longMetrics + 2 * (g - longMetrics);
            int len = g < longMetrics ? 4 : 2;
            if (pos + len <= hmtx.length) {
                Arrays.fill(hmtx, pos, pos + len, (byte) 0);
            }
        }

        Map<String, byte[]> out = new TreeMap<>();
        for (String tag : COPIED) {
            Table t = tables.get(tag);
            if (t != null) {
                out.put(tag, Arrays.copyOfRange(file, t.offset(), t.offset() + t.length()));
            }
        }
        out.put("glyf", newGlyf);
        out.put("loca", newLoca.array());
        out.put("hmtx", hmtx);
        out.put("cmap", format12(cmap));
        out.put("post", post());
        return assemble(out);
    }

    /** The post table's header as version 3.0: the same metrics, no glyph names (OpenPDF reads only those). */
    private byte[] post() {
        Table p = need("post");
        byte[] post = Arrays.copyOfRange(file, p.offset(), p.offset() + Math.min(32, p.length()));
        ByteBuffer.wrap(post).putInt(0, 0x00030000);
        return post;
    }

    /** A cmap of one (3,10) format 12 subtable mapping exactly {@code cmap}. */
    private static byte[] format12(TreeMap<Integer, Integer> cmap) {
        int[][] groups = new int[cmap.size()][];
        int n = 0;
        for (Map.Entry<Integer, Integer> e : cmap.entrySet()) {
            int[] last = n == 0 ? null : groups[n - 1];
            if (last != null && e.getKey() == last[1] + 1 && e.getValue() == last[2] + (last[1] - last[0]) + 1) {
                last[1] = e.getKey();
            } else {
                groups[n++] = new int[] {e.getKey(), e.getKey(), e.getValue()};
            }
        }
        ByteBuffer b = ByteBuffer.allocate(12 + 16 + 12 * n);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 3).putShort((short) 10).putInt(12);
        b.putShort((short) 12).putShort((short) 0).putInt(16 + 12 * n).putInt(0).putInt(n);
        for (int k = 0; k < n; k++) {
            b.putInt(groups[k][0]).putInt(groups[k][1]).putInt(groups[k][2]);
        }
        return b.array();
    }

    /** The tables as one font file: the directory sorted by tag, each table 4-byte aligned. */
    private static byte[] assemble(Map<String, byte[]> out) {
        int size = 12 + 16 * out.size();
        for (byte[] b : out.values()) {
            size += (b.length + 3) & ~3;
        }
        ByteBuffer font = ByteBuffer.allocate(size);
        int n = out.size();
        int log2 = 31 - Integer.numberOfLeadingZeros(n);
        font.putInt(0x00010000).putShort((short) n).putShort((short) (16 << log2)).putShort((short) log2)
                .putShort((short) (16 * n - (16 << log2)));
        int data = 12 + 16 * n;
        for (Map.Entry<String, byte[]> e : out.entrySet()) {
            byte[] b = e.getValue();
            font.put(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            font.putInt(checksum(b)).putInt(data).putInt(b.length);
            font.put(data, b);
            data += (b.length + 3) & ~3;
        }
        return font.array();
    }

    private Table need(String tag) {
        Table t = tables.get(tag);
        if (t == null) {
            throw new IllegalArgumentException("font table " + tag + " is missing");
        }
        return t;
    }

    /** Code point → glyph id from the (3,10) format 12 subtable, else the (3,1) format 4 one. */
    private Map<Integer, Integer> unicodeCmap(ByteBuffer in) {
        Table cmap = need("cmap");
        int count = in.getShort(cmap.offset() + 2) & 0xffff;
        int format4 = -1;
        int format12 = -1;
        for (int k = 0; k < count; k++) {
            int e = cmap.offset() + 4 + 8 * k;
            int platform = in.getShort(e) & 0xffff;
            int encoding = in.getShort(e + 2) & 0xffff;
            int sub = cmap.offset() + in.getInt(e + 4);
            int format = in.getShort(sub) & 0xffff;
            if (platform == 3 && encoding == 10 && format == 12) {
                format12 = sub;
            } else if (platform == 3 && encoding == 1 && format == 4) {
                format4 = sub;
            }
        }
        Map<Integer, Integer> map = new HashMap<>(1 << 16);
        if (format12 >= 0) {
            int groups = in.getInt(format12 + 12);
            for (int k = 0; k < groups; k++) {
                int g = format12 + 16 + 12 * k;
                int start = in.getInt(g);
                int end = in.getInt(g + 4);
                int glyph = in.getInt(g + 8);
                for (int c = start; c <= end; c++) {
                    map.put(c, glyph + (c - start));
                }
            }
            return map;
        }
        if (format4 < 0) {
            throw new IllegalArgumentException("the font has no Unicode cmap");
        }
        int segments = (in.getShort(format4 + 6) & 0xffff) / 2;
        int ends = format4 + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = in.getShort(ends + 2 * s) & 0xffff;
            int start = in.getShort(starts + 2 * s) & 0xffff;
            int delta = in.getShort(deltas + 2 * s);
            int range = in.getShort(ranges + 2 * s) & 0xffff;
            for (int c = start; c <= end && c != 0xffff; c++) {
                int glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xffff;
                } else {
                    int at = ranges + 2 * s + range + 2 * (c - start);
                    glyph = in.getShort(at) & 0xffff;
                    if (glyph != 0) {
                        glyph = (glyph + delta) & 0xffff;
                    }
                }
                if (glyph != 0) {
                    map.put(c, glyph);
                }
            }
        }
        return map;
    }

    /** Adds the glyphs a composite glyph is made of. */
    private static void components(ByteBuffer in, int at, int length, ArrayDeque<Integer> todo) {
        if (length <= 0 || in.getShort(at) >= 0) {
            return;
        }
        int p = at + 10;
        for (; ; ) {
            int flags = in.getShort(p) & 0xffff;
            todo.add(in.getShort(p + 2) & 0xffff);
            if ((flags & 0x20) == 0) {
                return;
            }
            p += 4 + ((flags & 1) != 0 ? 4 : 2);
            if ((flags & 8) != 0) {
                p += 2;
            } else if ((flags & 0x40) != 0) {
                p += 4;
            } else if ((flags & 0x80) != 0) {
                p += 8;
            }
        }
    }

    private static int checksum(byte[] b) {
        int sum = 0;
        for (int k = 0; k < b.length; k += 4) {
            int v = 0;
            for (int j = 0; j < 4; j++) {
                v = (v << 8) | (k + j < b.length ? b[k + j] & 0xff : 0);
            }
            sum += v;
        }
        return sum;
    }
}
