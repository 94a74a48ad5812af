package org.perfdoc.template;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.perfdoc.style.TemplateFile;
import org.perfdoc.style.TemplateRoots;

/** Loads FreeMarker templates from the template roots (a folder or the jar), never outside them. */
final class RootsTemplateLoader implements TemplateLoader {
    private final TemplateRoots roots;

    RootsTemplateLoader(TemplateRoots roots) {
        this.roots = roots;
    }

    @Override
    public Object findTemplateSource(String name) {
        return roots.find(name).orElse(null);
    }

    @Override
    public long getLastModified(Object source) {
        return ((TemplateFile) source).lastModified();
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return new InputStreamReader(((TemplateFile) source).open(), StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // A TemplateFile holds no open resource; each reader is closed by FreeMarker.
    }
}
