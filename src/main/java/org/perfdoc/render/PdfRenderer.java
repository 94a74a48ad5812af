package org.perfdoc.render;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextRenderer;

/** XHTML → PDF with flying-saucer, fonts from the shared {@link FontLibrary}. */
final class PdfRenderer {
    private static final UnicodeLineBreaking LINE_BREAKING = new UnicodeLineBreaking();
    private static final EmBoxTextRenderer TEXT = new EmBoxTextRenderer();

    private final FontLibrary fonts;
    private final String generator;
    private final Long sourceDateEpoch;

    private final TemplateNamespaceHandler namespaces;

    private final List<java.nio.file.Path> resourceRoots;

    PdfRenderer(FontLibrary fonts, String generator, String userAgentCssUri, List<java.nio.file.Path> resourceRoots) {
        this.fonts = fonts;
        this.resourceRoots = List.copyOf(resourceRoots);
        this.namespaces = new TemplateNamespaceHandler(userAgentCssUri);
        this.generator = generator;
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        this.sourceDateEpoch = epoch == null || epoch.isBlank() ? null : Long.valueOf(epoch.trim());
    }

    /**
     * Lays the pages out; the result can be inspected before it is written. Relative references in the
     * XHTML (stylesheets, images) resolve against {@code baseUri}, the template's folder.
     */
    Layout layout(String xhtml, String baseUri, List<String> families) {
        ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new ConfinedUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, resourceRoots),
                FontLibrary.newResolver(), new ITextReplacedElementFactory(device), TEXT);
        renderer.getSharedContext().setLineBreakingStrategy(LINE_BREAKING);
        fonts.register(renderer.getFontResolver(), families);
        renderer.setPDFVersion(PdfWriter.VERSION_1_7);
        renderer.setDocument(XhtmlParser.parse(xhtml), baseUri, namespaces);
        renderer.layout();
        return new Layout(renderer, sha256(xhtml));
    }

    final class Layout {
        private final ITextRenderer renderer;
        private final byte[] hash;

        private Layout(ITextRenderer renderer, byte[] hash) {
            this.renderer = renderer;
            this.hash = hash;
        }

        /** flying-saucer's renderer holding this layout: its box tree and pages. */
        ITextRenderer renderer() {
            return renderer;
        }

        /** The page breaks this layout asks to change (see {@link PageBreaks}). */
        PageBreaks pageBreaks() {
            return PageBreaks.find(renderer.getRootBox());
        }

        Rendered write() {
            int pages = renderer.getRootBox().getLayer().getPages().size();
            renderer.setListener(new PdfWriterSettings(Arrays.copyOf(hash, 16), generator, sourceDateEpoch));
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            SubsetTags.seed(ByteBuffer.wrap(hash).getLong());
            renderer.createPDF(out);
            return new Rendered(Format.PDF, out.toByteArray(), pages);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
