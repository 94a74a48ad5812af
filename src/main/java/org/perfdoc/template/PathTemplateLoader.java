package org.perfdoc.template;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.perfdoc.style.TemplateRoots;

/** Loads FreeMarker templates from the template roots (a folder or the jar), never outside them. */
final class PathTemplateLoader implements TemplateLoader {
    private final TemplateRoots roots;

    PathTemplateLoader(TemplateRoots roots) {
        this.roots = roots;
    }

    @Override
    public Object findTemplateSource(String name) {
        Optional<Path> found = roots.find(name);
        return found.orElse(null);
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return Files.newBufferedReader((Path) source, StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Paths hold no open resource.
    }
}
