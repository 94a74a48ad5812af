package org.perfdoc.docx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.perfdoc.helper.Zips;
import org.perfdoc.style.Style;
import org.perfdoc.style.TemplateFile;
import org.perfdoc.style.TemplateRoots;
import org.perfdoc.template.TemplateEngine;

/**
 * Assembles a .docx: {@code word/document.xml} from the style's template, every other part from
 * {@code common/docx/} (or the style's own {@code <style>/docx/}, which wins file by file); a part
 * ending in {@code .ftl} is a template, the rest are copied. Zipped deterministically: fixed entry
 * order ([Content_Types].xml first, as Office expects) and fixed timestamps.
 */
public final class DocxPackage {
    private static final Comparator<String> PART_ORDER = Comparator
            .comparing((String name) -> !name.equals("[Content_Types].xml"))
            .thenComparing(name -> !name.equals("_rels/.rels"))
            .thenComparing(Comparator.naturalOrder());

    private final TemplateRoots roots;
    private final TemplateEngine templates;
    private final Map<TemplateFile, byte[]> staticParts = new ConcurrentHashMap<>();

    /** Packages with the parts found in {@code roots}, filling templates with {@code templates}. */
    public DocxPackage(TemplateRoots roots, TemplateEngine templates) {
        this.roots = roots;
        this.templates = templates;
    }

    /** The whole .docx of a document of {@code style}, every template filled with {@code model}. */
    public byte[] render(Style style, Map<String, Object> model) {
        String documentTemplate = style.templates().get("docx");
        if (documentTemplate == null) {
            throw new IllegalArgumentException("style " + style.name() + " has no docx template");
        }
        Map<String, byte[]> parts = new TreeMap<>(PART_ORDER);
        TreeSet<String> names = new TreeSet<>(roots.list("common/docx"));
        names.addAll(roots.list(style.name() + "/docx"));
        for (String name : names) {
            String own = style.name() + "/docx/" + name;
            String source = roots.find(own).isPresent() ? own : "common/docx/" + name;
            if (name.endsWith(".ftl")) {
                parts.put(name.substring(0, name.length() - 4), utf8(templates.render(source, model)));
            } else {
                parts.put(name, staticParts.computeIfAbsent(roots.find(source).orElseThrow(), DocxPackage::read));
            }
        }
        parts.put("word/document.xml", utf8(templates.render(documentTemplate, model)));
        return Zips.of(parts);
    }

    private static byte[] read(TemplateFile f) {
        try {
            return f.bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
