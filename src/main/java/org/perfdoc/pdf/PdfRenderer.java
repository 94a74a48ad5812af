package org.perfdoc.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openpdf.text.pdf.PdfWriter;
import org.perfdoc.fonts.FontLibrary;
import org.perfdoc.fonts.SubsetTags;
import org.perfdoc.helper.Hashes;
import org.w3c.dom.Document;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;

/**
 * XHTML → PDF with flying-saucer: fonts from the shared {@link FontLibrary}, resources only from the
 * template folders, Unicode line breaking, deterministic bytes. Safe to share between threads.
 */
public final class PdfRenderer {
    private static final UnicodeLineBreaking LINE_BREAKING = new UnicodeLineBreaking();
    /** Stateless: the widths it measures are noted by each document's own fonts. */
    private static final EmBoxTextRenderer TEXT = new EmBoxTextRenderer();
    /**
     * Deflate level of the page contents and object streams. flying-saucer asks for 9; zlib's lazy
     * matcher at 4 makes them 0.3 KB larger in the court example for half the time. (The fonts' level is
     * set in FontLibrary.)
     */
    private static final int CONTENT_COMPRESSION = 4;

    private final PdfFonts fonts;
    private final String generator;
    private final Instant sourceDate;
    private final TemplateNamespaceHandler namespaces;
    private final Resources resources;

    /**
     * Where layout's stylesheets and images come from: the bytes of the file a resolved URI names, or
     * empty when it may not be loaded (a page is then laid out without it).
     */
    @FunctionalInterface
    public interface Resources {
        /** The bytes {@code uri} names, or empty. */
        Optional<byte[]> read(String uri) throws IOException;
    }

    /**
     * A renderer whose PDFs name {@code generator} as producer and are dated {@code sourceDate} (null:
     * undated), laying out with the stylesheet at {@code userAgentCssUri} and loading resources only
     * through {@code resources}.
     */
    public PdfRenderer(FontLibrary fonts, String generator, Instant sourceDate, String userAgentCssUri,
                       Resources resources) {
        this.fonts = new PdfFonts(fonts);
        this.generator = generator;
        this.sourceDate = sourceDate;
        this.namespaces = new TemplateNamespaceHandler(userAgentCssUri, userAgentCss(resources, userAgentCssUri));
        this.resources = resources;
    }

    /** The user-agent stylesheet's text, read once: it is fixed for the renderer's life, like the templates. */
    private static String userAgentCss(Resources resources, String uri) {
        try {
            return new String(resources.read(uri).orElseThrow(() -> new IOException("not found")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user-agent stylesheet " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Per thread, flying-saucer's style sheets of the documents it laid out, by their text (see
     * {@link TemplateNamespaceHandler}): each template's stylesheet is parsed once per thread instead
     * of once per document (4 % of a document in the first hundred of a batch). It holds on to its
     * last document's DOM until the next one: a batch or service renders on a fixed number of threads.
     */
    private final ThreadLocal<StyleReference> stylesheets = ThreadLocal.withInitial(KeptStylesheets::new);

    /**
     * Parsed sheets kept across documents: flying-saucer empties the cache before every document
     * ({@code xr.cache.stylesheets=false}, its default) in case a file changed; sheets named by their
     * text cannot have.
     */
    private static final class KeptStylesheets extends StyleReference {
        KeptStylesheets() {
            super(null); // each document sets its own user agent
        }

        @Override
        public void flushStyleSheets() {
        }

        @Override
        public void flushAllStyleSheets() {
        }
    }

    /**
     * Lays the pages out; the result can be inspected before it is written. Relative references in the
     * XHTML (stylesheets, images) resolve against {@code baseUri}, the template's folder; only
     * {@code families} of the bundled fonts are known to the page.
     */
    public Layout layout(String xhtml, String baseUri, List<String> families) {
        ITextOutputDevice device = new MeasuredTextDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        PdfFonts.DocumentFonts documentFonts = fonts.forDocument(families);
        ConfinedUserAgent userAgent = new ConfinedUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, resources);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, userAgent,
                documentFonts.resolver(), new ITextReplacedElementFactory(device),
                TEXT);
        renderer.getSharedContext().setLineBreakingStrategy(LINE_BREAKING);
        renderer.setPDFVersion(PdfWriter.VERSION_1_7);
        renderer.setCompression(CONTENT_COMPRESSION);
        Document dom = XhtmlParser.parse(xhtml);
        if (namespaces.selfContained(dom)) {
            // flying-saucer keeps parsed sheets in the StyleReference, which is new with every renderer
            StyleReference css = stylesheets.get();
            css.setUserAgentCallback(userAgent);
            renderer.getSharedContext().setCss(css);
        }
        renderer.setDocument(dom, baseUri, namespaces);
        renderer.layout();
        documentFonts.bind();
        return new Layout(renderer, Hashes.sha256(xhtml));
    }

    /**
     * A written PDF.
     *
     * @param bytes       the file
     * @param pages       its page count
     * @param conformance the archival standard it meets ({@code PDF/A-2u}), or null
     */
    public record Pdf(byte[] bytes, int pages, String conformance) {
    }

    /** One laid-out document, before it is written. */
    public final class Layout {
        private final ITextRenderer renderer;
        private final byte[] hash;

        private Layout(ITextRenderer renderer, byte[] hash) {
            this.renderer = renderer;
            this.hash = hash;
        }

        /** flying-saucer's renderer holding this layout: its box tree and pages. */
        public ITextRenderer renderer() {
            return renderer;
        }

        /** The page breaks this layout asks to change (see {@link PageBreaks}). */
        public PageBreaks pageBreaks() {
            return PageBreaks.find(renderer.getRootBox());
        }

        /**
         * Writes the PDF, as PDF/A-2u when {@code pdfa}: the same layout gives the same bytes (file
         * identifier, XMP IDs and font tags come from its hash).
         */
        public Pdf write(boolean pdfa) {
            int pages = renderer.getRootBox().getLayer().getPages().size();
            renderer.setListener(new PdfWriterSettings(hash, generator, sourceDate, pdfa));
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            SubsetTags.seed(ByteBuffer.wrap(hash).getLong());
            renderer.createPDF(out);
            return new Pdf(out.toByteArray(), pages, pdfa ? PdfWriterSettings.PDFA : null);
        }
    }
}
