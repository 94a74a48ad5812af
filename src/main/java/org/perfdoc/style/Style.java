package org.perfdoc.style;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.perfdoc.model.TargetDocument;

/**
 * A regional document style: a folder under {@code templates/} holding its templates, its
 * {@code style.json} descriptor and its indicator taxonomy. Adding a style adds a folder, not code.
 *
 * @param name             folder name and the value of the input's {@code style} field
 * @param description      one line for people (listed by {@code perfdoc styles})
 * @param defaults         values for optional input fields left out: title, amountUnit, indicatorFormat
 * @param templates        template name per output format, relative to the templates root
 * @param fonts            font families the templates use; every character of the data must be in each
 * @param taxonomy         the indicator levels this style accepts
 * @param requiredProjectFields project fields (JSON names) this style prints and so needs
 * @param indicatorGrid    whether indicators print as a grid with 一级/二级 cells merged: then groups
 *                         are made contiguous (stably)
 * @param indicatorFormats the ways this style prints indicators, by name, in declared order
 * @param terms            the style's words for the model's fields, for messages
 * @param pdfa             whether the style's PDFs are archival PDF/A-2u by default
 * @param workbook         the style's Excel workbook, or null when it has none
 */
public record Style(String name, String description, Map<String, String> defaults, Map<String, String> templates,
                    List<String> fonts, Taxonomy taxonomy, List<String> requiredProjectFields, boolean indicatorGrid,
                    Map<String, IndicatorFormat> indicatorFormats, Terms terms, boolean pdfa,
                    WorkbookLayout workbook) {

    public Style {
        defaults = Map.copyOf(defaults);
        templates = Map.copyOf(templates);
        fonts = List.copyOf(fonts);
        requiredProjectFields = requiredProjectFields == null ? List.of() : List.copyOf(requiredProjectFields);
        indicatorFormats = Collections.unmodifiableMap(new LinkedHashMap<>(indicatorFormats));
    }

    /** {@code doc}'s settings: what it gives, else this style's defaults. */
    public DocumentSettings settings(TargetDocument doc) {
        String format = Objects.requireNonNullElse(doc.indicatorFormat(), defaults.get("indicatorFormat"));
        return new DocumentSettings(Objects.requireNonNullElse(doc.title(), defaults.get("title")),
                Objects.requireNonNullElse(doc.amountUnit(), defaults.get("amountUnit")),
                format == null ? null : indicatorFormats.get(format), pdfa);
    }
}
