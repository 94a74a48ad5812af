package org.perfdoc.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Perfdoc;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;
import org.perfdoc.template.RenderException;

/** Guarantee 4: a template — bundled or from --templates — cannot escape. */
class TemplateSandboxTest {
    @TempDir
    Path dir;

    /** A Perfdoc whose Guangzhou PDF template is {@code body} inside a minimal valid page. */
    Perfdoc withTemplate(String prolog, String body) throws IOException {
        return withTemplate(prolog, "", body);
    }

    /** Likewise with {@code head} (links, styles) in the page's head. */
    Perfdoc withTemplate(String prolog, String head, String body) throws IOException {
        Path own = Files.createDirectories(dir.resolve("tpl/guangzhou"));
        Files.writeString(own.resolve("document.xhtml.ftl"), prolog + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<style>body { font-family: 宋体; }</style>" + head + "</head><body><p>开始</p>" + body
                + "<p>结束</p></body></html>");
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

    /**
     * A stylesheet that would make every page A5 and an image that would add an XObject, once outside
     * the template folders (next to them, by file: URI, over HTTP from a server that counts requests)
     * and once inside: only the inside copies have any effect.
     */
    @Test
    void resourcesOutsideTheTemplateFoldersHaveNoEffectWhileThoseInsideDo() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("secret"));
        String a5 = "@page { size: A5 portrait; margin: 10mm; }";
        Files.writeString(secret.resolve("evil.css"), a5);
        byte[] png = png();
        Files.write(secret.resolve("evil.png"), png);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = exchange.getRequestURI().getPath().endsWith(".css") ? a5.getBytes(StandardCharsets.UTF_8) : png;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String http = "http://127.0.0.1:" + server.getAddress().getPort();
            String outside = secret.toUri().toString();
            Perfdoc refused = withTemplate("", "<link rel=\"stylesheet\" href=\"../../secret/evil.css\"/>"
                    + "<link rel=\"stylesheet\" href=\"" + outside + "evil.css\"/>"
                    + "<link rel=\"stylesheet\" href=\"" + http + "/evil.css\"/>",
                    "<img src=\"../../secret/evil.png\"/><img src=\"" + outside + "evil.png\"/>"
                    + "<img src=\"" + http + "/evil.png\"/><img src=\"file:///etc/passwd\"/>"
                    + "<p style=\"background: url(" + outside + "evil.png)\">中间</p>");
            try (PdfText pdf = new PdfText(refused.render(court(), Format.PDF).bytes())) {
                assertTrue(pdf.all().contains("中间"), "the page itself renders");
                assertNotEquals(A5_WIDTH, pdf.pageSize(1)[0], 1f, "an outside stylesheet set the page size");
                assertEquals(0, images(pdf), "an outside image was drawn");
            }
            assertEquals(0, requests.get(), "perfdoc asked the network for a resource");

            Files.writeString(dir.resolve("tpl/guangzhou/own.css"), a5);
            Files.write(dir.resolve("tpl/guangzhou/own.png"), png);
            Perfdoc allowed = withTemplate("", "<link rel=\"stylesheet\" href=\"own.css\"/>", "<img src=\"own.png\"/>");
            try (PdfText pdf = new PdfText(allowed.render(court(), Format.PDF).bytes())) {
                assertEquals(A5_WIDTH, pdf.pageSize(1)[0], 1f, "the template's own stylesheet applies");
                assertEquals(1, images(pdf), "the template's own image is drawn");
            }
        } finally {
            server.stop(0);
        }
    }

    private static final float A5_WIDTH = 148 * PdfText.MM;

    /** Image XObjects on all pages. */
    private static int images(PdfText pdf) throws IOException {
        int n = 0;
        for (PDPage page : pdf.document().getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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
