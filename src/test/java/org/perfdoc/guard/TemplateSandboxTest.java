package org.perfdoc.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Perfdoc;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderException;

/** Guarantee 4: a template — bundled or from --templates — cannot escape. */
class TemplateSandboxTest {
    @TempDir
    Path dir;

    /** A Perfdoc whose Guangzhou PDF template is {@code body} inside a minimal valid page. */
    Perfdoc withTemplate(String head, String body) throws IOException {
        Path own = Files.createDirectories(dir.resolve("tpl/guangzhou"));
        Files.writeString(own.resolve("document.xhtml.ftl"), head + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<style>body { font-family: 宋体; }</style></head><body><p>开始</p>" + body + "<p>结束</p></body></html>");
        return Perfdoc.withTemplates(dir.resolve("tpl"));
    }

    static TargetDocument court() {
        return Examples.read(Examples.COURT).document();
    }

    static String pdfText(Perfdoc perfdoc) throws IOException {
        try (PdfText pdf = new PdfText(perfdoc.render(court(), Format.PDF).bytes())) {
            return pdf.all();
        }
    }

    @Test
    void newBuiltInCannotInstantiateExecute() throws IOException {
        Perfdoc p = withTemplate("", "<#assign x = \"freemarker.template.utility.Execute\"?new()>${x(\"id\")}");
        RenderException e = assertThrows(RenderException.class, () -> p.render(court(), Format.PDF));
        assertTrue(e.getMessage().contains("Instantiating freemarker.template.utility.Execute is not allowed"), e.getMessage());
    }

    @Test
    void apiBuiltInIsOff() throws IOException {
        Perfdoc p = withTemplate("", "${doc.units?api.size()}");
        RenderException e = assertThrows(RenderException.class, () -> p.render(court(), Format.PDF));
        assertTrue(e.getMessage().contains("?api"), e.getMessage());
    }

    @Test
    void javaMethodsOutsideTheModelAreNotReachable() throws IOException {
        // A BigDecimal is a plain number to templates, a date ISO text: no methods behind either.
        Perfdoc p = withTemplate("", "${doc.units[0].projects[0].amounts.total().scale()}");
        assertThrows(RenderException.class, () -> p.render(court(), Format.PDF));
        Perfdoc q = withTemplate("", "${doc.getClass().getName()}");
        RenderException e = assertThrows(RenderException.class, () -> q.render(court(), Format.PDF));
        assertTrue(e.getMessage().contains("getClass"), e.getMessage());
        Perfdoc r = withTemplate("", "${doc.units?first.projects?first.name.getBytes()}");
        assertThrows(RenderException.class, () -> r.render(court(), Format.PDF));
    }

    @Test
    void localFilesAndNetworkResourcesAreNotLoaded() throws IOException {
        Files.writeString(dir.resolve("secret.css"), "p { color: red; }");
        Perfdoc p = withTemplate("", "<img src=\"file:///etc/passwd\"/><img src=\"http://127.0.0.1:9/x.png\"/>"
                + "<link rel=\"stylesheet\" href=\"../../secret.css\"/><img src=\"../../../../../../etc/passwd\"/>"
                + "<p style=\"background: url(file:///etc/hostname)\">中间</p>");
        String text = pdfText(p);
        assertTrue(text.contains("开始") && text.contains("中间") && text.contains("结束"), text);
        assertFalse(text.contains("root:"));
    }

    @Test
    void aDoctypeWithExternalEntitiesIsNotResolved() throws IOException {
        Perfdoc p = withTemplate("<!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n", "<p>&secret;</p>");
        String text;
        try {
            text = pdfText(p);
        } catch (RenderException refused) {
            return; // refusing the document is as good as not resolving the entity
        }
        assertFalse(text.contains("root:"), text);
    }

    @Test
    void includesCannotLeaveTheTemplateFolders() throws IOException {
        Files.writeString(dir.resolve("outside.ftl"), "泄露");
        Perfdoc p = withTemplate("", "<#include \"../../outside.ftl\">");
        RenderException e = assertThrows(RenderException.class, () -> p.render(court(), Format.PDF));
        assertTrue(e.getMessage().contains("outside.ftl"), e.getMessage());
    }

    @Test
    void bundledTemplatesRenderUnderTheSamePolicy() throws IOException {
        assertEquals(5, new PdfText(Examples.PERFDOC.render(court(), Format.PDF).bytes()).pages());
    }
}
