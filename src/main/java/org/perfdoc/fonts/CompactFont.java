package org.perfdoc.fonts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * A face's TrueType tables, read once, and from them the small font one document needs: the outlines
 * and horizontal metrics of the glyphs of its characters (renumbered from 0) and a cmap of those
 * characters. OpenPDF's subsetter keeps only the glyphs drawn but copies {@code hmtx} whole, 4 bytes for
 * each of a CJK font's 30,000 glyphs, per font per PDF, and parses the whole face for every document;
 * given this font (through its public {@code BaseFont.createFont(…, byte[] ttf, …)}) it reads and
 * writes only what the document uses. The used glyphs' widths and outlines, and so the layout, do not
 * change.
 */
final class CompactFont {
    /** Tables OpenPDF reads from a TrueType font or copies into a subset; the rest are left out. */
    private static final String[] COPIED = {"OS/2", "cvt ", "fpgm", "head", "hhea", "maxp", "name", "prep"};

    private record Table(int offset, int length) {
    }

    /** The font file (mapped from the jar, read-only): read with absolute gets only, by any thread. */
    private final ByteBuffer file;
    private final Map<String, Table> tables = new HashMap<>();
    private final boolean shortLoca;
    private final int[] loca;
    private final int glyphCount;
    private final int longMetrics;
    /** The Unicode cmap: the BMP as an array (one lookup per character of every document), the rest in a map. */
    private final int[] bmp = new int[0x10000];
    private final Map<Integer, Integer> supplementary = new HashMap<>();
    private final int unitsPerEm;
    private final int hmtx;
    /**
     * Each BMP character's advance width in 1000ths of an em, as OpenPDF computes it, plus 1; 0 until
     * first asked for (threads may race to fill an entry: they write the same value).
     */
    private final int[] bmpWidths = new int[0x10000];

    /** The face whose table directory starts at {@code directoryOffset} of {@code file} (0 for a .ttf). */
    CompactFont(ByteBuffer file, int directoryOffset) {
        this.file = file;
        ByteBuffer in = file;
        if (in.getInt(directoryOffset) != 0x00010000) {
            throw new IllegalArgumentException("not a TrueType-outline font");
        }
        int count = in.getShort(directoryOffset + 4) & 0xffff;
        for (int k = 0; k < count; k++) {
            int e = directoryOffset + 12 + 16 * k;
            byte[] tag = new byte[4];
            in.get(e, tag);
            tables.put(new String(tag, StandardCharsets.ISO_8859_1), new Table(in.getInt(e + 8), in.getInt(e + 12)));
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
        unitsPerEm = in.getShort(need("head").offset() + 18) & 0xffff;
        hmtx = need("hmtx").offset();
        unicodeCmap(in);
    }

    /** The face's directory offset inside a collection ({@code .ttc}), or 0 for a single font. */
    static int directoryOffset(ByteBuffer file, Integer face) {
        if (face == null) {
            return 0;
        }
        ByteBuffer in = file;
        if (in.getInt(0) != 0x74746366) { // "ttcf"
            throw new IllegalArgumentException("not a font collection");
        }
        return in.getInt(12 + 4 * face);
    }

    /** Whether the face draws {@code codePoint} (its cmap maps it to a glyph other than .notdef). */
    boolean hasGlyph(int codePoint) {
        int g = glyph(codePoint);
        return g != 0 && g < glyphCount;
    }

    /**
     * The advance width of {@code codePoint} in 1000ths of an em, 0 where the face has no glyph: the
     * same integer OpenPDF's {@code BaseFont.getWidth} gives for the font {@link #compact} makes
     * (advance × 1000 / unitsPerEm, rounded down), with no font made.
     */
    int width(int codePoint) {
        if (codePoint >= bmpWidths.length) {
            return glyphWidth(file, glyph(codePoint));
        }
        int w = bmpWidths[codePoint];
        if (w == 0) {
            w = glyphWidth(file, bmp[codePoint]) + 1;
            bmpWidths[codePoint] = w;
        }
        return w - 1;
    }

    private int glyphWidth(ByteBuffer in, int g) {
        if (g <= 0 || g >= glyphCount) {
            return 0;
        }
        int advance = in.getShort(hmtx + 4 * Math.min(g, longMetrics - 1)) & 0xffff;
        return advance * 1000 / unitsPerEm;
    }

    /**
     * The TrueType font holding what {@code codePoints} need, laid out for OpenPDF to read and subset:
     * the kept glyphs renumbered 0…k in their original order (composite parts rewritten to match), so
     * that its {@code loca} and {@code hmtx}, and OpenPDF's parse and subset of them, are the size of one
     * document's characters and not of the whole face.
     */
    byte[] compact(BitSet codePoints) {
        // Small steps rather than one method: the JIT compiles each loop on its own instead of
        // recompiling one large method (it was the costliest C2 compilation of a batch).
        int[] chars = new int[codePoints.cardinality()]; // the characters drawn, ascending, and their glyphs
        int[] glyphs = new int[chars.length];
        int mapped = drawn(codePoints, chars, glyphs);
        int[] kept = closure(glyphs, mapped); // new id → old id, ascending
        Map<String, byte[]> out = new TreeMap<>();
        for (String tag : COPIED) {
            Table t = tables.get(tag);
            if (t != null) {
                out.put(tag, copy(t.offset(), t.length()));
            }
        }
        ByteBuffer.wrap(out.get("hhea")).putShort(34, (short) kept.length); // numberOfHMetrics
        ByteBuffer.wrap(out.get("maxp")).putShort(4, (short) kept.length); // numGlyphs
        outlines(kept, out);
        for (int k = 0; k < mapped; k++) {
            glyphs[k] = Arrays.binarySearch(kept, glyphs[k]);
        }
        out.put("cmap", format12(chars, glyphs, mapped));
        out.put("post", post());
        return assemble(out);
    }

    /** Fills {@code chars} and {@code glyphs} with the code points this face draws; returns how many. */
    private int drawn(BitSet codePoints, int[] chars, int[] glyphs) {
        int mapped = 0;
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            int g = glyph(cp);
            if (g > 0 && g < glyphCount) {
                chars[mapped] = cp;
                glyphs[mapped++] = g;
            }
        }
        return mapped;
    }

    /** .notdef, the first {@code count} {@code glyphs} and the parts of composite glyphs, ascending. */
    private int[] closure(int[] glyphs, int count) {
        ByteBuffer in = file;
        int glyf = need("glyf").offset();
        BitSet keep = new BitSet(glyphCount);
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(0);
        for (int k = 0; k < count; k++) {
            todo.add(glyphs[k]);
        }
        while (!todo.isEmpty()) {
            int g = todo.poll();
            if (g < 0 || g >= glyphCount || keep.get(g)) {
                continue;
            }
            keep.set(g);
            eachComponent(in, glyf + loca[g], loca[g + 1] - loca[g], part -> {
                todo.add(part);
                return part;
            });
        }
        return keep.stream().toArray();
    }

    /** The glyf, loca and hmtx tables of the {@code kept} glyphs, renumbered in order, put into {@code out}. */
    private void outlines(int[] kept, Map<String, byte[]> out) {
        ByteBuffer in = file;
        int glyf = need("glyf").offset();
        int glyfSize = 0;
        for (int g : kept) {
            glyfSize += loca[g + 1] - loca[g];
        }
        byte[] newGlyf = new byte[glyfSize];
        ByteBuffer outlines = ByteBuffer.wrap(newGlyf);
        ByteBuffer newLoca = ByteBuffer.allocate((kept.length + 1) * (shortLoca ? 2 : 4));
        ByteBuffer metrics = ByteBuffer.allocate(4 * kept.length);
        int at = 0;
        for (int n = 0; n <= kept.length; n++) {
            if (shortLoca) {
                newLoca.putShort(2 * n, (short) (at / 2));
            } else {
                newLoca.putInt(4 * n, at);
            }
            if (n == kept.length) {
                break;
            }
            int g = kept[n];
            int len = loca[g + 1] - loca[g];
            file.get(glyf + loca[g], newGlyf, at, len);
            eachComponent(outlines, at, len, part -> Arrays.binarySearch(kept, part));
            at += len;
            int advance = in.getShort(hmtx + 4 * Math.min(g, longMetrics - 1));
            int lsb = g < longMetrics ? in.getShort(hmtx + 4 * g + 2)
                    : in.getShort(hmtx + 4 * longMetrics + 2 * (g - longMetrics));
            metrics.putShort((short) advance).putShort((short) lsb);
        }
        out.put("glyf", newGlyf);
        out.put("loca", newLoca.array());
        out.put("hmtx", metrics.array());
    }

    /** The face's glyph for {@code codePoint}, or 0 (.notdef). */
    private int glyph(int codePoint) {
        if (codePoint < bmp.length) {
            return bmp[codePoint];
        }
        Integer g = supplementary.get(codePoint);
        return g == null ? 0 : g;
    }

    /** The post table's header as version 3.0: the same metrics, no glyph names (OpenPDF reads only those). */
    private byte[] post() {
        Table p = need("post");
        byte[] post = copy(p.offset(), Math.min(32, p.length()));
        ByteBuffer.wrap(post).putInt(0, 0x00030000);
        return post;
    }

    /** A cmap of one (3,10) format 12 subtable mapping the first {@code count} (ascending) {@code chars} to {@code glyphs}. */
    private static byte[] format12(int[] chars, int[] glyphs, int count) {
        int[][] groups = new int[count][];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int[] last = n == 0 ? null : groups[n - 1];
            if (last != null && chars[k] == last[1] + 1 && glyphs[k] == last[2] + (last[1] - last[0]) + 1) {
                last[1] = chars[k];
            } else {
                groups[n++] = new int[] {chars[k], chars[k], glyphs[k]};
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
            font.putInt(0).putInt(data).putInt(b.length);
            font.put(data, b);
            data += (b.length + 3) & ~3;
        }
        // each table's checksum, summed over its zero-padded 4-byte words
        for (int k = 0; k < n; k++) {
            int entry = 12 + 16 * k;
            int start = font.getInt(entry + 8);
            int end = start + ((font.getInt(entry + 12) + 3) & ~3);
            int sum = 0;
            for (int at = start; at < end; at += 4) {
                sum += font.getInt(at);
            }
            font.putInt(entry + 4, sum);
        }
        return font.array();
    }

    private byte[] copy(int offset, int length) {
        byte[] b = new byte[length];
        file.get(offset, b);
        return b;
    }

    private Table need(String tag) {
        Table t = tables.get(tag);
        if (t == null) {
            throw new IllegalArgumentException("font table " + tag + " is missing");
        }
        return t;
    }

    /** Code point → glyph id from the (3,10) format 12 subtable, else the (3,1) format 4 one. */
    private void unicodeCmap(ByteBuffer in) {
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
        if (format12 >= 0) {
            int groups = in.getInt(format12 + 12);
            for (int k = 0; k < groups; k++) {
                int g = format12 + 16 + 12 * k;
                int start = in.getInt(g);
                int end = in.getInt(g + 4);
                int glyph = in.getInt(g + 8);
                for (int c = start; c <= end; c++) {
                    map(c, glyph + (c - start));
                }
            }
            return;
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
                    map(c, glyph);
                }
            }
        }
    }

    private void map(int codePoint, int glyph) {
        if (codePoint < 0 || glyph <= 0) {
            return;
        }
        if (codePoint < bmp.length) {
            bmp[codePoint] = glyph;
        } else {
            supplementary.put(codePoint, glyph);
        }
    }

    /**
     * Calls {@code part} with the glyph id of each part of a composite glyph (the {@code length} bytes at
     * {@code at}; a simple glyph has none), writing back the id it returns where that differs.
     */
    private static void eachComponent(ByteBuffer glyph, int at, int length, IntUnaryOperator part) {
        if (length <= 0 || glyph.getShort(at) >= 0) {
            return;
        }
        int p = at + 10;
        for (; ; ) {
            int flags = glyph.getShort(p) & 0xffff;
            int id = glyph.getShort(p + 2) & 0xffff;
            int renumbered = part.applyAsInt(id);
            if (renumbered != id) {
                glyph.putShort(p + 2, (short) renumbered);
            }
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
}
