package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;

/** flying-saucer opens what the renderer's resources give and nothing else (which URIs those are: TemplateRootsTest). */
class ConfinedUserAgentTest {
    @Test
    void opensOnlyWhatTheResourcesGive() throws IOException {
        ConfinedUserAgent agent = new ConfinedUserAgent(new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT),
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL,
                uri -> uri.equals("perfdoc-template:/own.css") ? Optional.of(new byte[] {'p'}) : Optional.empty());

        try (InputStream in = agent.openStream("perfdoc-template:/own.css")) {
            assertArrayEquals(new byte[] {'p'}, in.readAllBytes());
        }
        IOException e = assertThrows(IOException.class, () -> agent.openStream("file:///etc/passwd"));
        assertEquals("perfdoc does not load file:///etc/passwd: only files inside the template folders", e.getMessage());
    }
}
