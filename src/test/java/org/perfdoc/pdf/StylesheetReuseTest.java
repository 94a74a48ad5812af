package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.fonts.FontLibrary;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;

/**
 * Parsed stylesheets kept between the documents of a thread: a document gets the rules of its own
 * stylesheet text, whatever came before it, and a linked or imported stylesheet is read again for every document.
 */
class StylesheetReuseTest {
    private static final float DOTS_PER_MM = ITextRenderer.DEFAULT_DOTS_PER_POINT * 72 / 25.4f;

    @TempDir
    Path dir;
    private Path root;
    private PdfRenderer pdf;

    @BeforeEach
    void renderer() throws IOException {
        root = Files.createDirectories(dir.resolve("templates")).toRealPath();
        Path ua = Files.copy(Path.of("templates/common/user-agent.css"), root.resolve("user-agent.css"));
        pdf = new PdfRenderer(FontLibrary.bundled(), "test", null, ua.toUri().toString(),
                uri -> Optional.of(Files.readAllBytes(Path.of(URI.create(uri)))));
    }

    private static String page(String head) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>" + head + "</head>"
                + "<body style=\"font-family: 宋体; margin: 0\"><p id=\"p\">绩效目标</p></body></html>";
    }

    private static String inline(int widthMm) {
        return page("<style type=\"text/css\">@page { margin: 0 } p { width: " + widthMm + "mm; }</style>");
    }

    /** The paragraph's width, in mm. */
    private static float widthMm(PdfRenderer.Layout layout) {
        Box p = find(layout.renderer().getRootBox());
        return Math.round(p.getContentWidth() / DOTS_PER_MM * 10) / 10f;
    }

    private static Box find(Box box) {
        if (box.getElement() != null && "p".equals(box.getElement().getLocalName())) {
            return box;
        }
        for (Box child : box.getChildren()) {
            Box found = find(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void eachDocumentGetsTheRulesOfItsOwnInlineStylesheet() {
        PdfRenderer.Layout first = pdf.layout(inline(10), root.toUri().toString(), List.of("宋体"));
        PdfRenderer.Layout other = pdf.layout(inline(30), root.toUri().toString(), List.of("宋体"));
        PdfRenderer.Layout again = pdf.layout(inline(10), root.toUri().toString(), List.of("宋体"));

        assertEquals(10f, widthMm(first));
        assertEquals(30f, widthMm(other));
        assertEquals(10f, widthMm(again));
        // one set of parsed sheets for the thread, not one per document
        assertSame(first.renderer().getSharedContext().getCss(), again.renderer().getSharedContext().getCss());
        assertSame(first.renderer().getSharedContext().getCss(), other.renderer().getSharedContext().getCss());
    }

    @Test
    void aLinkedOrImportedStylesheetIsReadForEveryDocument() throws IOException {
        Path css = root.resolve("own.css");
        String linked = page("<link rel=\"stylesheet\" href=\"own.css\"/>"
                + "<style type=\"text/css\">@page { margin: 0 }</style>");
        Files.writeString(css, "p { width: 12mm; }");
        PdfRenderer.Layout before = pdf.layout(linked, root.toUri().toString(), List.of("宋体"));
        Files.writeString(css, "p { width: 25mm; }");
        PdfRenderer.Layout after = pdf.layout(linked, root.toUri().toString(), List.of("宋体"));
        PdfRenderer.Layout inlineOnly = pdf.layout(inline(10), root.toUri().toString(), List.of("宋体"));

        assertEquals(12f, widthMm(before));
        assertEquals(25f, widthMm(after));
        assertNotSame(before.renderer().getSharedContext().getCss(), after.renderer().getSharedContext().getCss());
        assertNotSame(inlineOnly.renderer().getSharedContext().getCss(), after.renderer().getSharedContext().getCss());
        assertNotEquals(widthMm(inlineOnly), widthMm(after));

        String imported = page("<style type=\"text/css\">@import \"own.css\"; @page { margin: 0 }</style>");
        Files.writeString(css, "p { width: 14mm; }");
        assertEquals(14f, widthMm(pdf.layout(imported, root.toUri().toString(), List.of("宋体"))));
        Files.writeString(css, "p { width: 28mm; }");
        assertEquals(28f, widthMm(pdf.layout(imported, root.toUri().toString(), List.of("宋体"))));
    }
}
