package org.perfdoc.helper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a jar (a zip file) under one folder, found in its central directory, and their bytes:
 * an entry stored uncompressed is mapped, not copied. {@link java.util.zip.ZipFile} can do neither: it
 * makes an object of each of the 36,000 entries of perfdoc's jar to list one folder, and copies an
 * entry it is asked for. A cold command's fonts (42 MB) and templates are read from here.
 */
public final class JarEntries {
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final long SATURATED = 0xffffffffL;

    /**
     * One entry.
     *
     * @param name   its full name in the jar
     * @param method how it is compressed: 0 stored, 8 deflated
     * @param packed its size in the jar
     * @param size   its size once read
     * @param header where its local header starts
     */
    public record Entry(String name, int method, long packed, long size, long header) {
    }

    private final Path jar;
    private final SortedMap<String, Entry> entries;

    private JarEntries(Path jar, SortedMap<String, Entry> entries) {
        this.jar = jar;
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** The jar holding class-path resource {@code resource}, or empty when it is a plain file (a build's classes). */
    public static Optional<Path> jarOf(URL resource) {
        try {
            URI uri = resource.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Optional.empty();
            }
            String spec = uri.getRawSchemeSpecificPart();
            int bang = spec.indexOf("!/");
            URI file = new URI(bang < 0 ? spec : spec.substring(0, bang));
            if (!"file".equals(file.getScheme())) {
                throw new IllegalStateException(resource + " is not in a jar file");
            }
            return Optional.of(Path.of(file));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files (not folders) of {@code jar} whose names start with {@code prefix}, from its central directory. */
    public static JarEntries read(Path jar, String prefix) throws IOException {
        byte[] want = prefix.getBytes(StandardCharsets.UTF_8);
        SortedMap<String, Entry> found = new TreeMap<>();
        try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            long[] directory = directory(ch, jar);
            ByteBuffer cd = ByteBuffer.allocate(Math.toIntExact(directory[1])).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, cd, directory[0], jar);
            byte[] b = cd.array();
            // Plain index arithmetic rather than ByteBuffer calls: this loop runs once per entry of a
            // 36,000-entry jar, interpreted, before anything is compiled.
            for (int at = 0; at + 46 <= b.length; ) {
                if (b[at] != 'P' || b[at + 1] != 'K' || b[at + 2] != 1 || b[at + 3] != 2) {
                    throw new IOException(jar + ": damaged central directory at entry offset " + (directory[0] + at));
                }
                int nameLength = (b[at + 28] & 0xff) | (b[at + 29] & 0xff) << 8;
                int extraLength = (b[at + 30] & 0xff) | (b[at + 31] & 0xff) << 8;
                int commentLength = (b[at + 32] & 0xff) | (b[at + 33] & 0xff) << 8;
                int name = at + 46;
                if (name + nameLength + extraLength > b.length) {
                    throw new IOException(jar + ": damaged central directory at entry offset " + (directory[0] + at));
                }
                if (nameLength > want.length && b[name + nameLength - 1] != '/' && startsWith(b, name, want)) {
                    found.put(new String(b, name, nameLength, StandardCharsets.UTF_8), entry(cd, at, jar));
                }
                at = name + nameLength + extraLength + commentLength;
            }
        }
        return new JarEntries(jar, found);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static Entry entry(ByteBuffer cd, int at, Path jar) throws IOException {
        int nameLength = cd.getShort(at + 28) & 0xffff;
        String name = new String(cd.array(), at + 46, nameLength, StandardCharsets.UTF_8);
        if ((cd.getShort(at + 8) & 1) != 0) {
            throw new IOException(jar + ": entry " + name + " is encrypted");
        }
        long packed = cd.getInt(at + 20) & SATURATED;
        long size = cd.getInt(at + 24) & SATURATED;
        long header = cd.getInt(at + 42) & SATURATED;
        // Zip64: a saturated field's value is in the extra field 0x0001, in this order, when saturated
        int extra = at + 46 + nameLength;
        int extraEnd = extra + (cd.getShort(at + 30) & 0xffff);
        while (extra + 4 <= extraEnd) {
            int id = cd.getShort(extra) & 0xffff;
            int length = cd.getShort(extra + 2) & 0xffff;
            if (id == 1) {
                int v = extra + 4;
                if (size == SATURATED) {
                    size = cd.getLong(v);
                    v += 8;
                }
                if (packed == SATURATED) {
                    packed = cd.getLong(v);
                    v += 8;
                }
                if (header == SATURATED) {
                    header = cd.getLong(v);
                }
            }
            extra += 4 + length;
        }
        return new Entry(name, cd.getShort(at + 10) & 0xffff, packed, size, header);
    }

    /** The central directory's offset and size, from the end record (or its Zip64 form). */
    private static long[] directory(FileChannel ch, Path jar) throws IOException {
        long fileSize = ch.size();
        int tail = (int) Math.min(fileSize, 22 + 0xffff + 20);
        ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, end, fileSize - tail, jar);
        for (int at = tail - 22; at >= 0; at--) {
            if (end.getInt(at) != 0x06054b50 || at + 22 + (end.getShort(at + 20) & 0xffff) != tail) {
                continue;
            }
            long size = end.getInt(at + 12) & SATURATED;
            long offset = end.getInt(at + 16) & SATURATED;
            if ((size == SATURATED || offset == SATURATED || (end.getShort(at + 10) & 0xffff) == 0xffff)
                    && at >= 20 && end.getInt(at - 20) == 0x07064b50) {
                ByteBuffer z = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, z, end.getLong(at - 12), jar);
                if (z.getInt(0) != 0x06064b50) {
                    throw new IOException(jar + ": damaged Zip64 end record");
                }
                size = z.getLong(40);
                offset = z.getLong(48);
            }
            if (size > Integer.MAX_VALUE || offset + size > fileSize) {
                throw new IOException(jar + ": central directory out of range");
            }
            return new long[] {offset, size};
        }
        throw new IOException(jar + " is not a zip file (no end of central directory)");
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long position, Path jar) throws IOException {
        while (into.hasRemaining()) {
            if (ch.read(into, position + into.position()) < 0) {
                throw new IOException(jar + " ends early");
            }
        }
        into.clear();
    }

    /** The entries found, by full name. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The jar's bytes of {@code entry} once read: mapped read-only when it is stored, else inflated. */
    public ByteBuffer bytes(Entry entry) throws IOException {
        try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            long data = data(ch, entry);
            if (stored(entry)) {
                return ch.map(FileChannel.MapMode.READ_ONLY, data, entry.size()).asReadOnlyBuffer();
            }
            return ByteBuffer.wrap(inflate(ch, data, entry));
        }
    }

    /** The jar's bytes of {@code entry} once read, copied into an array of their own. */
    public byte[] read(Entry entry) throws IOException {
        try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            long data = data(ch, entry);
            if (stored(entry)) {
                ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(entry.size()));
                readFully(ch, b, data, jar);
                return b.array();
            }
            return inflate(ch, data, entry);
        }
    }

    private static boolean stored(Entry entry) {
        return entry.method() == STORED && entry.packed() == entry.size();
    }

    /** Where {@code entry}'s bytes start, past its local header. */
    private long data(FileChannel ch, Entry entry) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, header, entry.header(), jar);
        if (header.getInt(0) != 0x04034b50) {
            throw new IOException(jar + ": no local header for " + entry.name());
        }
        long data = entry.header() + 30 + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
        if (data + entry.packed() > ch.size()) {
            throw new IOException(jar + ": entry " + entry.name() + " runs past the end");
        }
        return data;
    }

    private byte[] inflate(FileChannel ch, long data, Entry entry) throws IOException {
        if (entry.method() != DEFLATED || entry.size() > Integer.MAX_VALUE) {
            throw new IOException(jar + ": entry " + entry.name() + " has compression method " + entry.method());
        }
        ByteBuffer in = ByteBuffer.allocate(Math.toIntExact(entry.packed()));
        readFully(ch, in, data, jar);
        return inflate(in.array(), (int) entry.size(), entry.name());
    }

    private byte[] inflate(byte[] packed, int size, String name) throws IOException {
        byte[] out = new byte[size];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < size && !inflater.finished()) {
                int got = inflater.inflate(out, n, size - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != size) {
                throw new IOException(jar + ": entry " + name + " inflates to " + n + " bytes, not " + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException(jar + ": entry " + name + " is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
