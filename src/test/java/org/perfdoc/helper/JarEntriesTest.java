package org.perfdoc.helper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarEntriesTest {
    @TempDir
    Path dir;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Stored and deflated entries under the folder come back byte for byte; folders and other entries do not. */
    @Test
    void readsTheFolderStoredAndDeflated() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("fonts/big.ttf", random(300_000, 1));
        files.put("fonts/small.ttc", random(17, 2));
        files.put("fonts/empty.txt", new byte[0]);
        files.put("fonts/sub/字体.json", "{\"家族\": \"宋体\"}".getBytes(StandardCharsets.UTF_8));
        Path jar = dir.resolve("t.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar), StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("fonts/"));
            zip.putNextEntry(new ZipEntry("fontsX/other.ttf"));
            zip.write(1);
            zip.putNextEntry(new ZipEntry("org/perfdoc/A.class"));
            zip.write(random(1000, 3));
            stored(zip, "fonts/big.ttf", files.get("fonts/big.ttf"));
            stored(zip, "fonts/small.ttc", files.get("fonts/small.ttc"));
            zip.putNextEntry(new ZipEntry("fonts/empty.txt"));
            zip.putNextEntry(new ZipEntry("fonts/sub/字体.json"));
            zip.write(files.get("fonts/sub/字体.json"));
            zip.setComment("a jar comment the end record is found behind");
        }
        JarEntries entries = JarEntries.read(jar, "fonts/");
        assertEquals(List.of("fonts/big.ttf", "fonts/empty.txt", "fonts/small.ttc", "fonts/sub/字体.json"),
                List.copyOf(entries.entries().keySet()));
        assertEquals(0, entries.entries().get("fonts/big.ttf").method());
        assertEquals(8, entries.entries().get("fonts/sub/字体.json").method());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ByteBuffer b = entries.bytes(entries.entries().get(f.getKey()));
            assertTrue(b.isReadOnly() || !b.isDirect(), f.getKey());
            assertArrayEquals(f.getValue(), bytes(b), f.getKey());
        }
        ByteBuffer big = entries.bytes(entries.entries().get("fonts/big.ttf"));
        assertTrue(big.isDirect() && big.isReadOnly(), "a stored entry is mapped read-only");
        assertEquals(files.get("fonts/big.ttf")[123_456], big.get(123_456));
        assertTrue(JarEntries.read(jar, "nothing/").entries().isEmpty());
    }

    /** More than 65,535 entries: the central directory is found through the Zip64 end record. */
    @Test
    void readsAZip64Jar() throws IOException {
        Path jar = dir.resolve("many.jar");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(jar)))) {
            for (int k = 0; k < 70_000; k++) {
                stored(zip, "a/" + k, new byte[0]);
            }
            stored(zip, "z/last.bin", random(5000, 4));
        }
        // the plain end record's directory size and offset saturated, as past 4 GB: only the Zip64 one has them
        byte[] all = Files.readAllBytes(jar);
        Arrays.fill(all, all.length - 22 + 12, all.length - 22 + 20, (byte) 0xff);
        Files.write(jar, all);
        JarEntries entries = JarEntries.read(jar, "z/");
        assertEquals(List.of("z/last.bin"), List.copyOf(entries.entries().keySet()));
        assertArrayEquals(random(5000, 4), bytes(entries.bytes(entries.entries().get("z/last.bin"))));
        assertEquals(70_000, JarEntries.read(jar, "a/").entries().size());
    }

    /** A file that is not a zip, or a jar with a part cut out, fails naming the file. */
    @Test
    void damagedJarsFailNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("not.jar"), "这不是 jar 文件");
        IOException e = assertThrows(IOException.class, () -> JarEntries.read(text, "fonts/"));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("not a zip file"), e.getMessage());

        Path jar = dir.resolve("t.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            stored(zip, "fonts/a.ttf", random(10_000, 5));
        }
        byte[] all = Files.readAllBytes(jar);
        Path cut = dir.resolve("cut.jar");
        // the entry's data cut short, its directory kept: the jar ends before the entry does
        byte[] tail = Arrays.copyOfRange(all, 30 + "fonts/a.ttf".length() + 10_000, all.length);
        byte[] shortened = new byte[30 + "fonts/a.ttf".length() + 4000 + tail.length];
        System.arraycopy(all, 0, shortened, 0, 30 + "fonts/a.ttf".length() + 4000);
        System.arraycopy(tail, 0, shortened, shortened.length - tail.length, tail.length);
        Files.write(cut, shortened);
        IOException c = assertThrows(IOException.class, () -> JarEntries.read(cut, "fonts/"));
        assertTrue(c.getMessage().contains(cut.toString()), c.getMessage());
    }

    @Test
    void findsTheJarOfAResource() throws Exception {
        Path jar = dir.resolve("带 空格.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(0);
        }
        String url = "jar:" + jar.toUri() + "!/fonts/fonts.json";
        assertEquals(jar, JarEntries.jarOf(new URI(url).toURL()).orElseThrow());
        assertTrue(JarEntries.jarOf(dir.resolve("fonts.json").toUri().toURL()).isEmpty());
    }
}
