package org.perfdoc.fonts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openpdf.text.pdf.BaseFont;
import org.perfdoc.validate.GlyphCoverage;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.TrueTypeUtil;

/**
 * The bundled CJK fonts ({@code fonts/fonts.json}). Each font file is parsed at most once per process,
 * on first use, and the parsed font is shared by every renderer; all are embedded as subsets
 * (Identity-H). A face is known by its family name and by its Chinese role aliases (宋体, 黑体, …).
 */
public final class FontLibrary implements GlyphCoverage {
    private static final FontLibrary BUNDLED = new FontLibrary(readCatalog());

    /**
     * One entry of {@code fonts.json}.
     *
     * @param file    the font file in {@code fonts/}
     * @param face    the face's index in a collection ({@code .ttc}), else null
     * @param family  the family name the file declares
     * @param weight  the CSS weight it stands for (declared: AR PL UMing says 300 and would be faked bold)
     * @param aliases the role names it answers to as well (宋体, 黑体, …)
     */
    public record Face(String file, Integer face, String family, int weight, List<String> aliases) {
        /** The family name and the aliases. */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            names.add(family);
            names.addAll(aliases);
            return names;
        }

        String openPdfName() {
            return face == null ? file : file + "," + face;
        }
    }

    private record Catalog(List<Face> fonts) {
    }

    /** A parsed face, shared by every render: OpenPDF's font and the description flying-saucer lays out with. */
    public record Loaded(Face face, BaseFont font, FontDescription description) {
    }

    private final List<Face> faces;
    private final Map<Face, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, List<Loaded>> byName = new ConcurrentHashMap<>();

    private FontLibrary(List<Face> faces) {
        this.faces = List.copyOf(faces);
    }

    /** The fonts in {@code fonts/}, one library per process. */
    public static FontLibrary bundled() {
        return BUNDLED;
    }

    private static List<Face> readCatalog() {
        try (InputStream in = resource("fonts.json")) {
            return new ObjectMapper().readValue(in, Catalog.class).fonts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = FontLibrary.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IOException("bundled font file fonts/" + file + " is missing from the class path");
        }
        return in;
    }

    /** Faces answering to {@code name} (family or alias), loading them on first use. */
    public List<Loaded> named(String name) {
        List<Loaded> found = byName.get(name);
        if (found == null) {
            List<Loaded> out = new ArrayList<>();
            for (Face f : faces) {
                if (f.names().contains(name)) {
                    out.add(loaded.computeIfAbsent(f, FontLibrary::load));
                }
            }
            found = List.copyOf(out);
            byName.put(name, found);
        }
        return found;
    }

    private static Loaded load(Face face) {
        try (InputStream in = resource(face.file())) {
            byte[] bytes = in.readAllBytes();
            BaseFont font = BaseFont.createFont(face.openPdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, bytes, null);
            font.setSecureRandom(SubsetTags.RANDOM);
            // OpenPDF's CIDSet lists the glyphs drawn but not .notdef and composite parts the subset
            // holds, which PDF/A validators reject; PDF/A-2 and plain PDF do without one.
            font.setIncludeCidSet(false);
            // The declared weight wins over the file's: AR PL UMing says 300, which would make
            // flying-saucer fake-bold all normal text.
            FontDescription description = TrueTypeUtil.extractDescription(face.file(), bytes, font, false,
                    IdentValue.valueOf(String.valueOf(face.weight())), IdentValue.NORMAL);
            return new Loaded(face, font, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + face.file(), e);
        }
    }

    /**
     * The files a browser needs to preview XHTML with the same fonts: a stylesheet declaring every
     * name of the faces behind {@code families}, and those font files, by path relative to the page.
     */
    public Map<String, byte[]> previewAssets(List<String> families, String stylesheetName) throws IOException {
        Map<String, byte[]> assets = new LinkedHashMap<>();
        StringBuilder css = new StringBuilder("/* perfdoc: bundled fonts for previewing templates in a browser */\n");
        for (Face f : faces) {
            if (families.stream().noneMatch(f.names()::contains)) {
                continue;
            }
            for (String name : f.names()) {
                css.append("@font-face { font-family: \"").append(name).append("\"; src: url(\"fonts/")
                        .append(f.file()).append("\"); font-weight: ").append(f.weight()).append("; }\n");
            }
            try (InputStream in = resource(f.file())) {
                assets.put("fonts/" + f.file(), in.readAllBytes());
            }
        }
        assets.put(stylesheetName, css.toString().getBytes(StandardCharsets.UTF_8));
        return assets;
    }

    /** Feeds the font catalogue and every font file to {@code digest} (for the batch's fingerprint). */
    public void digest(MessageDigest digest) throws IOException {
        try (InputStream in = resource("fonts.json")) {
            digest.update(in.readAllBytes());
        }
        for (Face f : faces) {
            try (InputStream in = resource(f.file())) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                }
            }
        }
    }

    @Override
    public Optional<String> fontLacking(int codePoint, List<String> families) {
        for (String family : families) {
            for (Loaded l : named(family)) {
                if (!l.font().charExists(codePoint)) {
                    return Optional.of(family + "（" + l.face().family() + "）");
                }
            }
        }
        return Optional.empty();
    }
}
