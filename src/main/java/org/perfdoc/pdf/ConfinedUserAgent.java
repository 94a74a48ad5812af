package org.perfdoc.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * flying-saucer's resource loader, confined: a template may reference files inside the template
 * folders (stylesheets, images) and nothing else: no network, no {@code file:///etc/passwd}, no
 * {@code ../../} out of the folders. A refused resource is simply absent from the page.
 */
final class ConfinedUserAgent extends ITextUserAgent {
    private final List<Path> roots;

    ConfinedUserAgent(ITextOutputDevice outputDevice, int dotsPerPixel, List<Path> roots) {
        super(outputDevice, dotsPerPixel);
        this.roots = roots;
    }

    @Override
    protected InputStream openStream(String uri) throws IOException {
        Path file = allowed(uri);
        if (file == null) {
            throw new IOException("perfdoc does not load " + uri + ": only files inside the template folders");
        }
        return Files.newInputStream(file);
    }

    /** The file {@code uri} names when it lies inside a template root, else null. */
    Path allowed(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI u = URI.create(uri);
            String scheme = u.getScheme();
            if (!"file".equals(scheme) && !"jar".equals(scheme)) {
                return null;
            }
            Path p = Path.of(u).normalize();
            for (Path root : roots) {
                if (p.getFileSystem().equals(root.getFileSystem()) && p.startsWith(root) && Files.isRegularFile(p)) {
                    return p.toRealPath().startsWith(root.toRealPath()) ? p : null;
                }
            }
            return null;
        } catch (IllegalArgumentException | FileSystemNotFoundException | IOException e) {
            return null;
        }
    }
}
