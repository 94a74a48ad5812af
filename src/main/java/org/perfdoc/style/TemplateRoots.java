package org.perfdoc.style;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The folders templates are looked up in, most specific first: an optional user folder, then the
 * bundled {@code templates/} (inside the jar or on the class path). Lookups never leave a root.
 */
public final class TemplateRoots {
    private final List<Path> roots;

    private TemplateRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The bundled templates only. */
    public static TemplateRoots bundled() {
        return new TemplateRoots(List.of(bundledRoot()));
    }

    /** {@code userDir} overrides the bundled templates file by file. */
    public static TemplateRoots withOverride(Path userDir) {
        List<Path> roots = new ArrayList<>();
        roots.add(userDir.toAbsolutePath().normalize());
        roots.add(bundledRoot());
        return new TemplateRoots(roots);
    }

    /** The roots, most specific first. */
    public List<Path> all() {
        return roots;
    }

    /** The first root holding {@code name} (a relative path with forward slashes) as a regular file. */
    public Optional<Path> find(String name) {
        for (Path root : roots) {
            Path candidate = resolveInside(root, name);
            if (candidate != null && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Feeds the name and bytes of every template file, as lookups would resolve them, to {@code digest}. */
    public void digest(MessageDigest digest) {
        for (String name : list("")) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            try {
                digest.update(Files.readAllBytes(find(name).orElseThrow()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Relative paths (forward slashes) of the files under folder {@code dir} in any root, sorted. */
    public SortedSet<String> list(String dir) {
        SortedSet<String> names = new TreeSet<>();
        for (Path root : roots) {
            Path d = resolveInside(root, dir);
            if (d == null || !Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    StringBuilder rel = new StringBuilder();
                    for (Path part : d.relativize(f)) {
                        if (!rel.isEmpty()) {
                            rel.append('/');
                        }
                        rel.append(part.toString().replace("/", ""));
                    }
                    names.add(rel.toString());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Resolves {@code name} under {@code root}, or null when it would leave the root. */
    static Path resolveInside(Path root, String name) {
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return null;
        }
        Path p = root.resolve(name).normalize();
        return p.startsWith(root) ? p : null;
    }

    private static volatile Path bundled;

    private static Path bundledRoot() {
        Path b = bundled;
        if (b == null) {
            synchronized (TemplateRoots.class) {
                if (bundled == null) {
                    bundled = locateBundled();
                }
                b = bundled;
            }
        }
        return b;
    }

    private static Path locateBundled() {
        URL marker = TemplateRoots.class.getResource("/templates/README.md");
        if (marker == null) {
            throw new IllegalStateException("bundled templates are missing from the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/templates");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
