package org.perfdoc.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.perfdoc.docx.DocxPackage;
import org.perfdoc.fonts.FontLibrary;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.pdf.PageBreaks;
import org.perfdoc.pdf.PdfRenderer;
import org.perfdoc.style.DocumentSettings;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.TemplateFile;
import org.perfdoc.style.TemplateRoots;
import org.perfdoc.template.TemplateEngine;
import org.perfdoc.xlsx.WorkbookWriter;

/**
 * Renders a valid document in its style: fills the style's template for the format with the
 * document and its {@link DocumentSettings settings}, then lays the XHTML out as PDF or packages the
 * WordprocessingML as .docx. Safe to share between threads.
 */
public final class DocumentRenderer {
    /** Stylesheet that maps the font names to the bundled files, written beside HTML previews. */
    public static final String FONT_CSS = "perfdoc-fonts.css";

    private static final String USER_AGENT_CSS = "common/user-agent.css";
    private static final int MAX_LAYOUT_PASSES = 8;

    private final StyleCatalog styles;
    private final FontLibrary fonts;
    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final DocxPackage docx;
    private final String sourceDate;
    private final Instant sourceInstant;
    private final String generator;

    /**
     * A renderer of the styles in {@code styles} with {@code fonts}, naming {@code generator} in what it
     * writes and dating it {@code sourceDate} (null: undated, as deterministic output needs).
     */
    public DocumentRenderer(StyleCatalog styles, FontLibrary fonts, String generator, Instant sourceDate) {
        this.styles = styles;
        this.fonts = fonts;
        this.templates = new TemplateEngine(styles.roots());
        TemplateRoots roots = styles.roots();
        this.pdf = new PdfRenderer(fonts, generator, sourceDate, TemplateRoots.uri(USER_AGENT_CSS),
                uri -> {
                    Optional<TemplateFile> file = roots.atUri(uri);
                    return file.isEmpty() ? Optional.empty() : Optional.of(file.get().bytes());
                });
        this.docx = new DocxPackage(roots, templates);
        this.sourceDate = sourceDate == null ? "" : sourceDate.toString();
        this.sourceInstant = sourceDate;
        this.generator = generator;
    }

    /** Fills a page template that is not a document, such as the batch's index page. */
    public String renderPage(String template, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("generator", generator);
        return templates.render(template, m);
    }

    /** {@code doc} as {@code format} as {@code options} say; {@code doc} must have passed validation. */
    public Rendered render(TargetDocument doc, Format format, RenderOptions options) {
        Style style = style(doc);
        if (format == Format.JSON) {
            return new Rendered(Format.JSON, JsonDocument.bytes(doc), 0, null);
        }
        if (format == Format.XLSX) {
            return new Rendered(Format.XLSX, workbookWriter(style).write(JsonDocument.tree(doc)), 0, null);
        }
        if (format == Format.DOCX) {
            return new Rendered(Format.DOCX, docx.render(style, model(doc, style, false, PageBreaks.NONE)), 0, null);
        }
        String template = pdfTemplate(style);
        if (format == Format.HTML) {
            String xhtml = templates.render(template, model(doc, style, true, PageBreaks.NONE));
            return new Rendered(Format.HTML, xhtml.getBytes(StandardCharsets.UTF_8), 0, null);
        }
        boolean pdfa = options.pdfa() != null ? options.pdfa() : style.settings(doc).pdfa();
        PdfRenderer.Pdf written = layOut(doc, style, template).write(pdfa);
        return new Rendered(Format.PDF, written.bytes(), written.pages(), written.conformance());
    }

    /** The empty workbook of {@code style} for finance staff to fill in. */
    public byte[] workbookTemplate(String styleName) {
        Style style = styles.find(styleName).orElseThrow(() -> new IllegalArgumentException("unknown style " + styleName));
        return workbookWriter(style).write(null);
    }

    private WorkbookWriter workbookWriter(Style style) {
        if (style.workbook() == null) {
            throw new IllegalArgumentException("style " + style.name() + " has no workbook.json");
        }
        return new WorkbookWriter(style.name(), style.workbook(), style.taxonomy(), sourceInstant);
    }

    /**
     * The files a browser needs beside an HTML preview of a {@code style} document: {@link #FONT_CSS}
     * and the font files it names, by path relative to the page.
     */
    public Map<String, byte[]> previewAssets(String style) throws IOException {
        return fonts.previewAssets(styles.find(style).map(Style::fonts).orElse(List.of()), FONT_CSS);
    }

    /** The final layout of {@code doc}'s PDF, before it is written (for tests of the layout itself). */
    PdfRenderer.Layout layOut(TargetDocument doc) {
        Style style = style(doc);
        return layOut(doc, style, pdfTemplate(style));
    }

    /**
     * Lays out, then again with the page breaks that layout asks for (merged grid blocks cut where a
     * page begins inside them, grid headings moved to a new page where they would stand alone at a
     * page foot). A change moves only what follows it in its own sheet, so this settles quickly: one
     * pass for most documents.
     */
    private PdfRenderer.Layout layOut(TargetDocument doc, Style style, String template) {
        // the template's folder: what it links relatively is looked up there, in every root
        String base = TemplateRoots.uri(template.substring(0, template.lastIndexOf('/') + 1));
        PageBreaks breaks = PageBreaks.NONE;
        for (int pass = 1; ; pass++) {
            PdfRenderer.Layout layout = pdf.layout(templates.render(template, model(doc, style, false, breaks)),
                    base, style.fonts());
            PageBreaks next = breaks.plus(layout.pageBreaks());
            if (next.equals(breaks) || pass == MAX_LAYOUT_PASSES) {
                return layout;
            }
            breaks = next;
        }
    }

    private Style style(TargetDocument doc) {
        return styles.find(doc.style()).orElseThrow(() -> new IllegalArgumentException("unknown style " + doc.style()));
    }

    private static String pdfTemplate(Style style) {
        String template = style.templates().get("pdf");
        if (template == null) {
            throw new IllegalArgumentException("style " + style.name() + " has no PDF template");
        }
        return template;
    }

    private Map<String, Object> model(TargetDocument doc, Style style, boolean preview, PageBreaks breaks) {
        DocumentSettings settings = style.settings(doc);
        Map<String, Object> m = new HashMap<>();
        m.put("doc", doc);
        m.put("title", settings.title());
        m.put("amountUnit", settings.amountUnit());
        m.put("indicatorFormat", settings.indicatorFormat());
        m.put("codes", style.taxonomy().codes());
        m.put("totals", doc.totals());
        m.put("generator", generator);
        m.put("preview", preview);
        m.put("fontCss", FONT_CSS);
        m.put("grids", grids(doc, style, breaks.cuts()));
        m.put("cuts", List.copyOf(new TreeSet<>(breaks.cuts())));
        m.put("headingBreaks", List.copyOf(new TreeSet<>(breaks.headings())));
        m.put("sourceDate", sourceDate);
        return m;
    }

    /** Per project ("unit/project"), the rows of its target grid for styles that print one. */
    private static Map<String, List<GridRows.Row>> grids(TargetDocument doc, Style style, Set<String> cuts) {
        Map<String, List<GridRows.Row>> grids = new HashMap<>();
        if (!style.indicatorGrid()) {
            return grids;
        }
        for (int u = 0; u < doc.units().size(); u++) {
            List<Project> projects = doc.units().get(u).projects();
            for (int p = 0; p < projects.size(); p++) {
                String key = u + "/" + p;
                grids.put(key, GridRows.of(key, projects.get(p).indicatorsGrouped(), cuts));
            }
        }
        return grids;
    }
}
