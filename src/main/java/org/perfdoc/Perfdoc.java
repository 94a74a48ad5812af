package org.perfdoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.perfdoc.fonts.FontLibrary;
import org.perfdoc.helper.Hashes;
import org.perfdoc.helper.SourceDateEpoch;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.pdf.PageImages;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.JsonDocumentReader;
import org.perfdoc.read.Limits;
import org.perfdoc.read.ReadResult;
import org.perfdoc.read.SheetLimits;
import org.perfdoc.read.WorkbookReader;
import org.perfdoc.render.DocumentRenderer;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;
import org.perfdoc.render.Rendered;
import org.perfdoc.style.DocumentSettings;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.TemplateFile;
import org.perfdoc.style.TemplateRoots;
import org.perfdoc.validate.DocumentValidator;

/**
 * The one entry point: read a JSON file or an Excel workbook, validate it, render it. An instance holds the parsed
 * templates and shares the process-wide fonts; it is thread-safe and meant to be reused.
 *
 * <pre>{@code
 * Perfdoc perfdoc = Perfdoc.create();
 * ReadResult read = perfdoc.read(Path.of("examples/guangzhou-intermediate-court.json"));
 * List<Problem> problems = perfdoc.validate(read);
 * Rendered pdf = perfdoc.render(read.document(), Format.PDF);
 * }</pre>
 */
public final class Perfdoc {
    private final StyleCatalog styles;
    private final FontLibrary fonts = FontLibrary.bundled();
    private final JsonDocumentReader reader;
    private final WorkbookReader workbooks;
    private final DocumentValidator validator;
    private final DocumentRenderer renderer;
    private volatile String fingerprint;

    /**
     * How a Perfdoc reads its input.
     *
     * @param templates folder overriding the bundled templates file by file, or null
     * @param limits    bounds on each input file
     * @param encoding  input encoding, or null for UTF-8 (GB18030 input is then named as such)
     */
    public record Settings(Path templates, Limits limits, Charset encoding) {
        /** The bundled templates, the default limits, UTF-8. */
        public static final Settings DEFAULT = new Settings(null, Limits.DEFAULT, null);
    }

    private Perfdoc(TemplateRoots roots, Limits limits, Charset encoding) {
        this.styles = new StyleCatalog(roots);
        this.reader = new JsonDocumentReader(limits, encoding, styles::terms);
        this.workbooks = new WorkbookReader(styles, limits, SheetLimits.DEFAULT, reader);
        this.validator = new DocumentValidator(styles, fonts);
        this.renderer = new DocumentRenderer(styles, fonts, generator(), SourceDateEpoch.fromEnvironment().orElse(null));
    }

    /** A Perfdoc with the bundled templates and the default limits. */
    public static Perfdoc create() {
        return create(Settings.DEFAULT);
    }

    /** A Perfdoc whose templates in {@code dir} override the bundled ones file by file. */
    public static Perfdoc withTemplates(Path dir) {
        return create(new Settings(dir, Limits.DEFAULT, null));
    }

    /** A Perfdoc as {@code settings} say. */
    public static Perfdoc create(Settings settings) {
        TemplateRoots roots = settings.templates() == null ? TemplateRoots.bundled()
                : TemplateRoots.withOverride(settings.templates());
        return new Perfdoc(roots, settings.limits(), settings.encoding());
    }

    /**
     * Reads a JSON file or an .xlsx workbook (told apart by the name, then by the first bytes); never
     * throws for bad content (see the result's problems).
     */
    public ReadResult read(Path file) {
        if (isWorkbookName(file.toString()) || WorkbookReader.isWorkbook(head(file))) {
            return workbooks.read(file);
        }
        return reader.read(file);
    }

    /** Reads the bytes of a JSON file or workbook named {@code name} (for messages); never throws for bad content. */
    public ReadResult read(String name, byte[] bytes) {
        if (isWorkbookName(name) || WorkbookReader.isWorkbook(bytes)) {
            return workbooks.read(name, bytes);
        }
        return reader.read(name, bytes);
    }

    /** Whether {@code name} is a spreadsheet's name: .xlsx, and what users try instead (.xls, .xlsm, .et). */
    public static boolean isWorkbookName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls") || n.endsWith(".xltx")
                || n.endsWith(".et") || n.endsWith(".ett");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64);
        } catch (IOException e) {
            return new byte[0]; // the reader reports it
        }
    }

    /** The empty workbook of {@code style} that finance staff fill in ({@code perfdoc template}). */
    public byte[] workbookTemplate(String style) {
        return renderer.workbookTemplate(style);
    }

    /**
     * Every problem of a file read: the reader's, then the validator's, in the words of the document's
     * style. Any error means: do not render. Changes nothing; calling it again gives the same list.
     */
    public List<Problem> validate(ReadResult read) {
        return validator.validate(read.document(), read.problems());
    }

    /** Renders a document that passed validation as {@code format}, with its style's defaults. */
    public Rendered render(TargetDocument document, Format format) {
        return renderer.render(document, format, RenderOptions.DEFAULT);
    }

    /** Renders a document that passed validation as {@code format}, as {@code options} say. */
    public Rendered render(TargetDocument document, Format format, RenderOptions options) {
        return renderer.render(document, format, options);
    }

    /** The styles found in the templates, by name. */
    public List<Style> styles() {
        return styles.names().stream().map(n -> styles.find(n).orElseThrow()).toList();
    }

    /** {@code document}'s settings after its style's defaults (title, amount unit, indicator format). */
    public DocumentSettings settings(TargetDocument document) {
        return styles.find(document.style()).map(s -> s.settings(document))
                .orElseThrow(() -> new IllegalArgumentException("unknown style " + document.style()));
    }

    /**
     * The files an HTML preview of a {@code style} document needs beside it (the fonts' stylesheet and
     * font files), by path relative to the page.
     */
    public Map<String, byte[]> previewAssets(String style) throws IOException {
        return renderer.previewAssets(style);
    }

    /** The first {@code maxPages} pages of a rendered PDF as PNG images at {@code dpi}; {@code pages[0]} gets the count. */
    public List<byte[]> pageImages(Rendered pdf, int maxPages, float dpi, int[] pages) {
        return PageImages.of(pdf.bytes(), maxPages, dpi, pages);
    }

    /**
     * A file of the service's web page, {@code templates/serve/<name>} as lookups resolve it (a
     * {@code --templates} folder first), or empty. Names are plain file names, nothing else.
     */
    public Optional<byte[]> webAsset(String name) throws IOException {
        if (!name.matches("[a-z0-9][a-z0-9.-]*")) {
            return Optional.empty();
        }
        Optional<TemplateFile> file = styles.roots().find("serve/" + name);
        return file.isEmpty() ? Optional.empty() : Optional.of(file.get().bytes());
    }

    /** Fills a page template that is not a document (the batch's index page), auto-escaped as HTML. */
    public String renderPage(String template, Map<String, Object> model) {
        return renderer.renderPage(template, model);
    }

    /**
     * A hash of everything besides the input that decides the output bytes: perfdoc's version, every
     * template file as lookups resolve it, the font catalogue and the font files. Computed once.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            try {
                MessageDigest digest = Hashes.sha256();
                digest.update(generator().getBytes(StandardCharsets.UTF_8));
                styles.roots().digest(digest);
                fonts.digest(digest);
                f = HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fingerprint = f;
        }
        return f;
    }

    /**
     * Starts reading the fonts of the bundled styles on a background thread, so that a command-line
     * run overlaps reading them (a tenth of a second or more) with its other start-up work; a use that
     * comes first waits for them.
     */
    public static void preloadBundledFonts() {
        Thread t = new Thread(() -> {
            // the templates first, while the main thread starts picocli: StyleCatalog's class
            // initialisation (Jackson's) would otherwise run before them
            TemplateRoots bundled = TemplateRoots.bundled();
            StyleCatalog catalog = new StyleCatalog(bundled);
            LinkedHashSet<String> families = new LinkedHashSet<>();
            for (String name : catalog.names()) {
                catalog.find(name).ifPresent(s -> families.addAll(s.fonts()));
            }
            FontLibrary.bundled().preload(List.copyOf(families));
        }, "perfdoc-font-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The JSON Schema of the input format. */
    public static String schema() {
        return resourceText("/org/perfdoc/perfdoc.schema.json");
    }

    /** perfdoc's version, from the build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Perfdoc.class.getResourceAsStream("/org/perfdoc/version.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** What perfdoc writes into a PDF's Producer and Creator: {@code perfdoc <version>}. */
    public static String generator() {
        return "perfdoc " + version();
    }

    private static String resourceText(String name) {
        try (InputStream in = Perfdoc.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
