package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;

/** The resource loader's decision, URI by URI: files inside a template root, nothing else. */
class ConfinedUserAgentTest {
    @TempDir
    Path dir;

    @Test
    void onlyExistingFilesInsideATemplateRootAreOpened() throws IOException {
        Path root = Files.createDirectories(dir.resolve("templates")).toRealPath();
        Path inside = Files.writeString(Files.createDirectories(root.resolve("guangzhou")).resolve("own.css"), "p {}");
        Path outside = Files.writeString(dir.resolve("secret.css"), "p {}");
        Path link = Files.createSymbolicLink(root.resolve("guangzhou/link.css"), outside);
        ConfinedUserAgent agent = new ConfinedUserAgent(new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT),
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, List.of(root));

        assertEquals(inside, agent.allowed(inside.toUri().toString()));
        for (String refused : List.of(outside.toUri().toString(), root.resolve("guangzhou/../../secret.css").toUri().toString(),
                link.toUri().toString(), root.resolve("guangzhou/missing.css").toUri().toString(), "file:///etc/passwd",
                "http://127.0.0.1:9/own.css", "https://example.org/x.png", "ftp://example.org/x", "data:text/css,p{}",
                "own.css", "jar:file:/nonexistent.jar!/templates/x.css", "not a uri")) {
            assertNull(agent.allowed(refused), refused);
        }
        assertNull(agent.allowed(null));
        IOException e = assertThrows(IOException.class, () -> agent.openStream(outside.toUri().toString()));
        assertEquals("perfdoc does not load " + outside.toUri() + ": only files inside the template folders",
                e.getMessage());
        agent.openStream(inside.toUri().toString()).close();
    }
}
