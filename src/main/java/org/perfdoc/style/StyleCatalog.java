package org.perfdoc.style;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds styles in the template roots: a user's {@code --templates} folder first, then the bundled
 * one. A style is any folder with a {@code style.json}.
 */
public final class StyleCatalog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final String COMMON_TERMS = "common/terms.json";

    private final TemplateRoots roots;
    private final Map<String, Optional<Style>> cache = new ConcurrentHashMap<>();
    private volatile Terms commonTerms;

    /** The styles in {@code roots}, each loaded on first use. */
    public StyleCatalog(TemplateRoots roots) {
        this.roots = roots;
    }

    /** The folders styles and templates are found in. */
    public TemplateRoots roots() {
        return roots;
    }

    /** The style named {@code name}, if a root has it. */
    public Optional<Style> find(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /** The words of {@code style}'s form for the model's fields; the common words for an unknown style. */
    public Terms terms(String style) {
        return find(style).map(Style::terms).orElseGet(this::commonTerms);
    }

    /** Every style name found in any root, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String folder : roots.folders()) {
            if (roots.find(folder + "/style.json").isPresent()) {
                names.add(folder);
            }
        }
        return names;
    }

    private Terms commonTerms() {
        Terms t = commonTerms;
        if (t == null) {
            try {
                TemplateFile file = roots.find(COMMON_TERMS).orElseThrow(() -> new IOException(COMMON_TERMS + " not found"));
                t = new Terms(read(file, new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("templates: " + e.getMessage(), e);
            }
            commonTerms = t;
        }
        return t;
    }

    private Optional<Style> load(String name) {
        Optional<TemplateFile> descriptor = roots.find(name + "/style.json");
        if (descriptor.isEmpty()) {
            return Optional.empty();
        }
        try {
            Descriptor d = read(descriptor.get(), new TypeReference<>() { });
            TemplateFile taxonomyFile = roots.find(name + "/" + d.indicators())
                    .orElseThrow(() -> new IOException(name + "/" + d.indicators() + " not found"));
            Taxonomy taxonomy = read(taxonomyFile, new TypeReference<>() { });
            Map<String, IndicatorFormat> formats = new LinkedHashMap<>();
            for (Map.Entry<String, FormatDescriptor> f : d.indicatorFormats().entrySet()) {
                formats.put(f.getKey(), f.getValue().named(f.getKey()));
            }
            String defaultFormat = d.defaults().get("indicatorFormat");
            if (defaultFormat == null || !formats.containsKey(defaultFormat)) {
                throw new IOException("defaults.indicatorFormat must name one of indicatorFormats "
                        + formats.keySet() + ", is " + defaultFormat);
            }
            return Optional.of(new Style(name, d.description(), d.defaults(), d.templates(), d.fonts(), taxonomy,
                    d.requiredProjectFields(), Boolean.TRUE.equals(d.indicatorGrid()), formats,
                    commonTerms().with(d.terms()), Boolean.TRUE.equals(d.pdfa()), workbook(name, d.workbook())));
        } catch (IOException e) {
            throw new UncheckedIOException("style " + name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("style " + name + ": " + e.getMessage(), e);
        }
    }

    private WorkbookLayout workbook(String style, String file) throws IOException {
        if (file == null) {
            return null;
        }
        TemplateFile found = roots.find(style + "/" + file).orElseThrow(() -> new IOException(style + "/" + file + " not found"));
        return read(found, new TypeReference<>() { });
    }

    private static <T> T read(TemplateFile file, TypeReference<T> type) throws IOException {
        try (InputStream in = file.open()) {
            return JSON.readValue(in, type);
        }
    }

    /** The shape of {@code style.json}. */
    private record Descriptor(String description, Map<String, String> defaults, Map<String, String> templates,
                              List<String> fonts, String indicators, List<String> requiredProjectFields,
                              Boolean indicatorGrid, LinkedHashMap<String, FormatDescriptor> indicatorFormats,
                              Map<String, String> terms, Boolean pdfa, String workbook) {
    }

    /** One entry of {@code indicatorFormats}. */
    private record FormatDescriptor(String description, String line, String cell, String level2, String periodValue) {
        IndicatorFormat named(String name) {
            if (line != null && cell != null) {
                throw new IllegalArgumentException("indicator format " + name + " names both a line and a cell function");
            }
            return new IndicatorFormat(name, description, line, cell, need(name, "level2", level2),
                    need(name, "periodValue", periodValue));
        }

        private static IndicatorFormat.Need need(String format, String field, String value) {
            if (value == null) {
                return null;
            }
            for (IndicatorFormat.Need n : IndicatorFormat.Need.values()) {
                if (n.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("indicator format " + format + ": " + field
                    + " must be required, optional or unused, is " + value);
        }
    }
}
