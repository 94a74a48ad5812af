package org.perfdoc.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.perfdoc.model.IndicatorFormat;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.style.Style;
import org.perfdoc.style.StyleCatalog;

/**
 * Renders a valid document in its style: fills the style's template for the format, then turns the
 * XHTML into PDF. Safe to share between threads.
 */
public final class DocumentRenderer {
    /** Stylesheet that maps the font names to the bundled files, written beside HTML previews. */
    public static final String FONT_CSS = "perfdoc-fonts.css";

    private final StyleCatalog styles;
    private final TemplateEngine templates;
    private final PdfRenderer pdf;
    private final String generator;

    public DocumentRenderer(StyleCatalog styles, FontLibrary fonts, String generator) {
        this.styles = styles;
        this.templates = new TemplateEngine(styles.roots());
        this.pdf = new PdfRenderer(fonts, generator);
        this.generator = generator;
    }

    public Rendered render(TargetDocument doc, Format format) {
        Style style = styles.find(doc.style())
                .orElseThrow(() -> new IllegalArgumentException("unknown style " + doc.style()));
        String template = style.templates().get("pdf");
        if (template == null) {
            throw new IllegalArgumentException("style " + style.name() + " has no PDF template");
        }
        String xhtml = templates.render(template, model(doc, style, format == Format.HTML));
        return switch (format) {
            case PDF -> pdf.render(xhtml, style.fonts());
            case HTML -> new Rendered(Format.HTML, xhtml.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        };
    }

    private Map<String, Object> model(TargetDocument doc, Style style, boolean preview) {
        Map<String, Object> m = new HashMap<>();
        m.put("doc", doc);
        m.put("title", Objects.requireNonNullElse(doc.title(), style.defaultValue("title")));
        m.put("amountUnit", Objects.requireNonNullElse(doc.amountUnit(), style.defaultValue("amountUnit")));
        IndicatorFormat format = doc.indicatorFormat();
        m.put("indicatorFormat", format != null ? format.jsonName()
                : Objects.requireNonNullElse(style.defaultValue("indicatorFormat"), "coded"));
        m.put("codes", style.taxonomy().codes());
        m.put("totals", doc.totals());
        m.put("generator", generator);
        m.put("preview", preview);
        m.put("fontCss", FONT_CSS);
        return m;
    }
}
