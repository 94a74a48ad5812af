package org.perfdoc.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.perfdoc.Perfdoc;
import org.perfdoc.style.IndicatorFormat;
import org.perfdoc.style.Style;

/**
 * What the service serves besides documents, fixed at start: the web page and its files
 * ({@code templates/serve/}), the fonts it may use, the styles and the JSON Schema.
 */
final class WebContent {
    /** A file to serve. */
    record Asset(String contentType, byte[] bytes) {
    }

    private final Perfdoc perfdoc;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();
    private final Map<String, byte[]> fonts;
    private final List<Map<String, Object>> styles;
    private final String schema;
    private final Map<String, byte[]> templates = new ConcurrentHashMap<>();

    WebContent(Perfdoc perfdoc) {
        this.perfdoc = perfdoc;
        try {
            this.fonts = perfdoc.previewAssets("guangzhou");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.styles = perfdoc.styles().stream().map(WebContent::describe).toList();
        this.schema = Perfdoc.schema();
    }

    /** {@code index.html}, {@code app.js}, …, or {@code fonts/<file>}; empty when there is no such file. */
    Optional<Asset> asset(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private Optional<Asset> load(String name) {
        if (name.startsWith("fonts/")) {
            byte[] font = fonts.get(name);
            return font == null ? Optional.empty() : Optional.of(new Asset(type(name), font));
        }
        try {
            return perfdoc.webAsset(name).map(bytes -> new Asset(type(name), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ttf", "ttc" -> "font/ttf";
            default -> "application/octet-stream";
        };
    }

    List<Map<String, Object>> styles() {
        return styles;
    }

    /** The empty workbook of {@code style}, made once; empty for a style without one (or no style). */
    Optional<byte[]> template(String style) {
        if (style == null || !workbookStyles().contains(style)) {
            return Optional.empty();
        }
        return Optional.of(templates.computeIfAbsent(style, perfdoc::workbookTemplate));
    }

    /** The styles that have a workbook. */
    List<String> workbookStyles() {
        return perfdoc.styles().stream().filter(s -> s.workbook() != null).map(Style::name).toList();
    }

    String schema() {
        return schema;
    }

    private static Map<String, Object> describe(Style s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("defaults", s.defaults());
        m.put("pdfa", s.pdfa());
        m.put("workbook", s.workbook() != null);
        Map<String, String> formats = new LinkedHashMap<>();
        for (IndicatorFormat f : s.indicatorFormats().values()) {
            formats.put(f.name(), f.description());
        }
        m.put("indicatorFormats", formats);
        return m;
    }
}
