package org.perfdoc.fonts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
 * The bundled CJK fonts ({@code fonts/fonts.json}). Each font file's tables are read at most once per
 * process, on first use; each document gets a small font of its own characters from them, embedded as
 * a subset (Identity-H). A face is known by its family name and by its Chinese role aliases (宋体, 黑体, …).
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

    /** A face made for one document ({@link #forDocument}): OpenPDF's font and flying-saucer's description. */
    public record Loaded(Face face, BaseFont font, FontDescription description) {
    }

    private final List<Face> faces;
    private final Map<String, List<Face>> byName = new HashMap<>();
    private final Map<Face, CompactFont> tables = new ConcurrentHashMap<>();

    private FontLibrary(List<Face> faces) {
        this.faces = List.copyOf(faces);
        for (Face f : this.faces) { // asked for every character a document holds
            for (String name : f.names()) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(f);
            }
        }
        byName.replaceAll((name, found) -> List.copyOf(found));
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

    /** The faces answering to {@code name} (family or alias), in catalogue order. */
    public List<Face> faces(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The face's tables, read on first use: the file, its glyph offsets and its Unicode cmap. */
    private CompactFont tables(Face face) {
        return tables.computeIfAbsent(face, f -> {
            try (InputStream in = resource(f.file())) {
                byte[] bytes = in.readAllBytes();
                return new CompactFont(bytes, CompactFont.directoryOffset(bytes, f.face()));
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException("cannot load font " + f.file(), e instanceof IOException io ? io
                        : new IOException(e.getMessage(), e));
            }
        });
    }

    /**
     * {@code face} for one document that uses only {@code codePoints}: OpenPDF's font and the
     * description flying-saucer lays out with, made from a font file holding just those glyphs (with
     * their ids, widths and outlines), so that the PDF's subset carries no metrics of the thousands of
     * others (see {@link CompactFont}) and no document pays for parsing a whole CJK font.
     */
    public Loaded forDocument(Face face, BitSet codePoints) {
        byte[] bytes = tables(face).compact(codePoints);
        String name = face.file().replaceFirst("\\.tt[cf]$", "") + (face.face() == null ? "" : "-" + face.face())
                + ".ttf";
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSecureRandom(SubsetTags.RANDOM);
            // OpenPDF's CIDSet lists the glyphs drawn but not .notdef and composite parts the subset
            // holds, which PDF/A validators reject; PDF/A-2 and plain PDF do without one.
            font.setIncludeCidSet(false);
            // The declared weight wins over the file's: AR PL UMing says 300, which would make
            // flying-saucer fake-bold all normal text.
            FontDescription description = TrueTypeUtil.extractDescription(name, bytes, font, false,
                    IdentValue.valueOf(String.valueOf(face.weight())), IdentValue.NORMAL);
            return new Loaded(face, font, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset font " + face.file(), e);
        }
    }

    /** Reads the tables of the faces answering to {@code families} now (a start-up thread may call it early). */
    public void preload(List<String> families) {
        for (String family : families) {
            faces(family).forEach(this::tables);
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
            for (Face f : faces(family)) {
                if (!tables(f).hasGlyph(codePoint)) {
                    return Optional.of(family + "（" + f.family() + "）");
                }
            }
        }
        return Optional.empty();
    }
}
