package org.perfdoc.style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.perfdoc.helper.JarEntries;

/**
 * The folders templates are looked up in, most specific first: an optional user folder, then the
 * bundled {@code templates/} (inside the jar or on the class path). Lookups never leave a root: not by
 * {@code ..}, not by an absolute name, not by a symbolic link.
 */
public final class TemplateRoots {
    /** The scheme of the URIs layout is given for template files ({@code perfdoc-template:/guangzhou/x.css}). */
    public static final String URI_SCHEME = "perfdoc-template";
    private static final String PACKED_PREFIX = "templates/";

    private final List<Root> roots;

    private TemplateRoots(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The bundled templates only. */
    public static TemplateRoots bundled() {
        return new TemplateRoots(List.of(bundledRoot()));
    }

    /** {@code userDir} overrides the bundled templates file by file. */
    public static TemplateRoots withOverride(Path userDir) {
        return new TemplateRoots(List.of(new Folder(userDir.toAbsolutePath().normalize()), bundledRoot()));
    }

    /** The templates packed under {@code templates/} in {@code jar}, alone (for tests). */
    static TemplateRoots packedIn(Path jar) throws IOException {
        return new TemplateRoots(List.of(Packed.read(jar)));
    }

    /** The templates in folder {@code dir}, alone (for tests). */
    static TemplateRoots folder(Path dir) {
        return new TemplateRoots(List.of(new Folder(dir.toAbsolutePath().normalize())));
    }

    /** The first root holding {@code name} (a relative path with forward slashes) as a regular file. */
    public Optional<TemplateFile> find(String name) {
        String clean = clean(name);
        if (clean == null) {
            return Optional.empty();
        }
        for (Root root : roots) {
            Optional<TemplateFile> f = root.find(clean);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The URI of template file {@code name} as layout sees it; relative references resolve against it. */
    public static String uri(String name) {
        try {
            return new URI(URI_SCHEME, null, "/" + name, null).toString(); // quotes what a URI may not hold
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** The template file a {@code perfdoc-template:} URI names; empty for any other URI or none. */
    public Optional<TemplateFile> atUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(uri);
            if (!URI_SCHEME.equals(u.getScheme()) || u.getPath() == null || !u.getPath().startsWith("/")
                    || u.getRawQuery() != null || u.getRawFragment() != null) {
                return Optional.empty();
            }
            return find(u.getPath().substring(1));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Relative paths (forward slashes) of the files under folder {@code dir} in any root, sorted. */
    public SortedSet<String> list(String dir) {
        String clean = dir.isEmpty() ? "" : clean(dir);
        SortedSet<String> names = new TreeSet<>();
        if (clean != null) {
            roots.forEach(r -> r.list(clean, names));
        }
        return names;
    }

    /** The names of the folders directly under the roots, sorted. */
    public SortedSet<String> folders() {
        SortedSet<String> names = new TreeSet<>();
        roots.forEach(r -> r.folders(names));
        return names;
    }

    /** Feeds the name and bytes of every template file, as lookups would resolve them, to {@code digest}. */
    public void digest(MessageDigest digest) throws IOException {
        for (String name : list("")) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(find(name).orElseThrow().bytes());
        }
    }

    /**
     * {@code name} with {@code .} and {@code ..} resolved and empty parts dropped, or null when it is
     * absolute, uses a backslash or colon, or would leave the root.
     */
    static String clean(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private sealed interface Root permits Folder, Packed {
        Optional<TemplateFile> find(String clean);

        void list(String dir, SortedSet<String> into);

        void folders(SortedSet<String> into);
    }

    /** A folder on disk: a user's {@code --templates} folder, or the bundled templates on the class path. */
    private record Folder(Path dir) implements Root {
        @Override
        public Optional<TemplateFile> find(String clean) {
            Path p = dir.resolve(clean).normalize();
            try {
                if (p.startsWith(dir) && Files.isRegularFile(p) && p.toRealPath().startsWith(dir.toRealPath())) {
                    return Optional.of(new TemplateFile.InFolder(clean, p));
                }
            } catch (IOException e) {
                // unreadable or vanished: not there
            }
            return Optional.empty();
        }

        @Override
        public void list(String dir, SortedSet<String> into) {
            Path d = dir.isEmpty() ? this.dir : this.dir.resolve(dir).normalize();
            if (!d.startsWith(this.dir) || !Files.isDirectory(d)) {
                return;
            }
            try (Stream<Path> files = Files.walk(d)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    StringBuilder rel = new StringBuilder();
                    for (Path part : d.relativize(f)) {
                        if (!rel.isEmpty()) {
                            rel.append('/');
                        }
                        rel.append(part.toString());
                    }
                    // only what find gives: not a link leading out of the folder
                    if (find(dir.isEmpty() ? rel.toString() : dir + "/" + rel).isPresent()) {
                        into.add(rel.toString());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void folders(SortedSet<String> into) {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(Files::isDirectory).forEach(d -> into.add(d.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The templates packed in perfdoc's jar, all read into memory at once (200 KB), found in the jar's
     * central directory: not a zip file system over the jar (it indexes the jar's 36,000 entries first,
     * a sixth of a second at start), nor {@code ZipFile}'s listing (an object for each of them).
     */
    private record Packed(Map<String, TemplateFile> files) implements Root {
        static Packed read(Path jar) throws IOException {
            Map<String, TemplateFile> files = new TreeMap<>();
            // the jar's time: its templates change only with it
            long time = Files.getLastModifiedTime(jar).toMillis();
            JarEntries packed = JarEntries.read(jar, PACKED_PREFIX);
            for (JarEntries.Entry entry : packed.entries().values()) {
                String rel = entry.name().substring(PACKED_PREFIX.length());
                files.put(rel, new TemplateFile.Packed(rel, packed.read(entry), time));
            }
            return new Packed(Map.copyOf(files));
        }

        @Override
        public Optional<TemplateFile> find(String clean) {
            return Optional.ofNullable(files.get(clean));
        }

        @Override
        public void list(String dir, SortedSet<String> into) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            for (String name : files.keySet()) {
                if (name.startsWith(prefix)) {
                    into.add(name.substring(prefix.length()));
                }
            }
        }

        @Override
        public void folders(SortedSet<String> into) {
            for (String name : files.keySet()) {
                int slash = name.indexOf('/');
                if (slash > 0) {
                    into.add(name.substring(0, slash));
                }
            }
        }
    }

    private static volatile Root bundled;

    private static Root bundledRoot() {
        Root b = bundled;
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

    private static Root locateBundled() {
        URL marker = TemplateRoots.class.getResource("/" + PACKED_PREFIX + "README.md");
        if (marker == null) {
            throw new IllegalStateException("bundled templates are missing from the class path");
        }
        try {
            Optional<Path> jar = JarEntries.jarOf(marker);
            if (jar.isPresent()) {
                return Packed.read(jar.get());
            }
            Path readme = Path.of(marker.toURI());
            return new Folder(readme.getParent().toAbsolutePath().normalize());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled templates: " + e.getMessage(), e);
        }
    }
}
