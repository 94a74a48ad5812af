package org.perfdoc.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.helper.Hashes;

/** Template lookups: the same answers from a folder and from the jar, and never a file outside the roots. */
class TemplateRootsTest {
    @TempDir
    Path dir;

    @Test
    void resourceUrisReachOnlyFilesInsideTheRoots() throws IOException {
        Path root = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(Files.createDirectories(root.resolve("guangzhou")).resolve("own.css"), "p {}");
        Path outside = Files.writeString(dir.resolve("secret.css"), "secret");
        Files.createSymbolicLink(root.resolve("guangzhou/link.css"), outside);
        TemplateRoots roots = TemplateRoots.withOverride(root);

        assertEquals("p {}", new String(roots.atUri(TemplateRoots.uri("guangzhou/own.css")).orElseThrow().bytes()));
        assertEquals("perfdoc-template:/guangzhou/own.css", TemplateRoots.uri("guangzhou/own.css"));
        Files.writeString(root.resolve("guangzhou/印章 [1].css"), "q {}");
        assertEquals("perfdoc-template:/guangzhou/印章%20%5B1%5D.css", TemplateRoots.uri("guangzhou/印章 [1].css"));
        assertEquals("q {}", new String(roots.atUri(TemplateRoots.uri("guangzhou/印章 [1].css")).orElseThrow().bytes()));
        // a bundled file behind the user's folder
        assertTrue(roots.atUri("perfdoc-template:/common/user-agent.css").isPresent());
        for (String refused : List.of("perfdoc-template:/guangzhou/../../secret.css", "perfdoc-template:/../secret.css",
                "perfdoc-template:/guangzhou/link.css", "perfdoc-template:/guangzhou/missing.css",
                "perfdoc-template:/guangzhou/", "perfdoc-template:/guangzhou/own.css?x=1",
                "perfdoc-template:/" + outside, "perfdoc-template:guangzhou/own.css",
                outside.toUri().toString(), root.resolve("guangzhou/own.css").toUri().toString(), "file:///etc/passwd",
                "http://127.0.0.1:9/own.css", "https://example.org/x.png", "ftp://example.org/x", "data:text/css,p{}",
                "own.css", "jar:file:/nonexistent.jar!/templates/x.css", "classpath:/templates/common/user-agent.css",
                "not a uri")) {
            assertFalse(roots.atUri(refused).isPresent(), refused);
        }
        assertFalse(roots.atUri(null).isPresent());
        for (String refused : List.of("../secret.css", "/etc/passwd", "guangzhou\\own.css", "c:/x", "guangzhou/link.css", "")) {
            assertFalse(roots.find(refused).isPresent(), refused);
        }
        assertEquals("guangzhou/own.css", roots.find("./guangzhou//x/../own.css").orElseThrow().name());
        // what a listing gives, lookups find: the link is not listed, and the digest of all files works
        assertTrue(roots.list("guangzhou").contains("own.css"));
        assertFalse(roots.list("guangzhou").contains("link.css"), roots.list("guangzhou").toString());
        assertFalse(roots.list("").contains("guangzhou/link.css"));
        roots.digest(Hashes.sha256());
    }

    /** The jar's templates (read without a zip file system) answer every lookup as the folder they were packed from. */
    @Test
    void packedTemplatesAnswerAsTheirFolder() throws IOException {
        Path source = Path.of("templates");
        Path jar = dir.resolve("t.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar)); Stream<Path> all = Files.walk(source)) {
            zip.putNextEntry(new ZipEntry("org/perfdoc/Other.class"));
            zip.write(new byte[] {1, 2, 3});
            for (Path p : all.sorted().toList()) {
                String name = "templates/" + source.relativize(p).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(Files.isDirectory(p) ? name + "/" : name));
                if (Files.isRegularFile(p)) {
                    zip.write(Files.readAllBytes(p));
                }
            }
        }
        TemplateRoots folder = TemplateRoots.folder(source);
        TemplateRoots packed = TemplateRoots.packedIn(jar);

        assertTrue(folder.list("").size() > 20, folder.list("").toString());
        assertTrue(folder.list("").contains("common/docx/[Content_Types].xml"));
        assertEquals(folder.list(""), packed.list(""));
        assertEquals(folder.folders(), packed.folders());
        assertTrue(packed.folders().containsAll(List.of("common", "guangzhou", "shanghai", "serve")), packed.folders().toString());
        for (String d : List.of("common/docx", "guangzhou", "guangzhou/", "shanghai/docx", "missing", "../templates")) {
            assertEquals(folder.list(d), packed.list(d), d);
        }
        for (String name : folder.list("")) {
            assertArrayEquals(folder.find(name).orElseThrow().bytes(), packed.find(name).orElseThrow().bytes(), name);
            assertEquals(name, packed.find(name).orElseThrow().name());
        }
        assertFalse(packed.find("../org/perfdoc/Other.class").isPresent());
        assertFalse(packed.find("common").isPresent());
        assertEquals(digest(folder), digest(packed));
        assertEquals(new StyleCatalog(folder).names(), new StyleCatalog(packed).names());
        assertEquals(List.of("guangzhou", "shanghai"), new StyleCatalog(packed).names());
    }

    private static String digest(TemplateRoots roots) throws IOException {
        MessageDigest d = Hashes.sha256();
        roots.digest(d);
        return HexFormat.of().formatHex(d.digest());
    }
}
