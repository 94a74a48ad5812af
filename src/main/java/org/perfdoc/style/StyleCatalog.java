package org.perfdoc.style;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds styles in the template roots: a user's {@code --templates} folder first, then the bundled
 * one. A style is any folder with a {@code style.json}.
 */
public final class StyleCatalog {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final TemplateRoots roots;
    private final Map<String, Optional<Style>> cache = new ConcurrentHashMap<>();

    public StyleCatalog(TemplateRoots roots) {
        this.roots = roots;
    }

    public TemplateRoots roots() {
        return roots;
    }

    public Optional<Style> find(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /** Every style name found in any root, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (Path root : roots.all()) {
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve("style.json")))
                        .forEach(d -> names.add(d.getFileName().toString().replace("/", "")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(names);
    }

    private Optional<Style> load(String name) {
        Optional<Path> descriptor = roots.find(name + "/style.json");
        if (descriptor.isEmpty()) {
            return Optional.empty();
        }
        try {
            Descriptor d = read(descriptor.get(), Descriptor.class);
            Path taxonomyFile = roots.find(name + "/" + d.indicators())
                    .orElseThrow(() -> new IOException(name + "/" + d.indicators() + " not found"));
            Taxonomy taxonomy = read(taxonomyFile, Taxonomy.class);
            return Optional.of(new Style(name, d.description(), d.defaults(), d.templates(), d.fonts(), taxonomy,
                    d.requiredProjectFields(), Boolean.TRUE.equals(d.indicatorGrid())));
        } catch (IOException e) {
            throw new UncheckedIOException("style " + name + ": " + e.getMessage(), e);
        }
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, type);
        }
    }

    /** The shape of {@code style.json}. */
    private record Descriptor(String description, Map<String, String> defaults, Map<String, String> templates,
                              List<String> fonts, String indicators, List<String> requiredProjectFields,
                              Boolean indicatorGrid) {
    }
}
