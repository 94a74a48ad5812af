package org.perfdoc.style;

import java.util.List;
import java.util.Map;

/**
 * A regional document style: a folder under {@code templates/} holding its templates, its
 * {@code style.json} descriptor and its indicator taxonomy. Adding a style adds a folder, not code.
 *
 * @param name        folder name and the value of the input's {@code style} field
 * @param description one line for people
 * @param defaults    values for optional input fields left out (title, amountUnit, indicatorFormat)
 * @param templates   template name per output format, relative to the templates root
 * @param fonts       font families the templates use; every character of the data must be in each
 * @param taxonomy    the indicator levels this style accepts
 * @param requiredProjectFields project fields (JSON names) this style prints and so needs
 * @param indicatorGrid  whether indicators print as a grid with 一级/二级 cells merged: then every
 *                       indicator needs a 二级 name and groups are made contiguous (stably)
 */
public record Style(String name, String description, Map<String, String> defaults, Map<String, String> templates,
                    List<String> fonts, Taxonomy taxonomy, List<String> requiredProjectFields, boolean indicatorGrid) {

    public Style {
        defaults = Map.copyOf(defaults);
        templates = Map.copyOf(templates);
        fonts = List.copyOf(fonts);
        requiredProjectFields = requiredProjectFields == null ? List.of() : List.copyOf(requiredProjectFields);
    }

    public String defaultValue(String field) {
        return defaults.get(field);
    }
}
