package org.perfdoc.fonts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import org.openpdf.text.pdf.BaseFont;
import org.perfdoc.helper.JarEntries;
import org.perfdoc.validate.GlyphCoverage;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.TrueTypeUtil;

/**
 * The bundled CJK fonts ({@code fonts/fonts.json}). Each font file's tables are read at most once per
 * process, on first use; a document is laid out with widths from them and then gets, per face, a small
 * font of the characters it measured in that face, embedded as a subset (Identity-H). A face is known
 * by its family name and by its Chinese role aliases (宋体, 黑体, …).
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

    /**
     * One face in one document, as flying-saucer sees it. While the document is laid out, the widths
     * come from the face's tables ({@link #width}), which note each character measured, and OpenPDF's
     * font is a stand-in of the face holding no glyphs, for ascent, descent and bounding box. Once laid
     * out, {@link #bind} makes the font that is drawn and embedded: the glyphs of the characters
     * measured in this face, and no others. Every text flying-saucer draws was measured first; one
     * that was not fails at drawing ({@link #measured}) instead of showing blank boxes.
     */
    public static final class DocumentFace extends FontDescription {
        private final Face face;
        private final CompactFont tables;
        private final BitSet measured = new BitSet();
        private BaseFont drawn;

        private DocumentFace(Face face, CompactFont tables, FontDescription standIn) {
            super(standIn.getFont(), false, IdentValue.NORMAL, new Decorations(standIn.getWeight(),
                    standIn.getYStrikeoutSize(), standIn.getYStrikeoutPosition(), standIn.getUnderlinePosition(),
                    standIn.getUnderlineThickness()));
            this.face = face;
            this.tables = tables;
        }

        public Face face() {
            return face;
        }

        /** The width of {@code text} in 1000ths of an em (OpenPDF's {@code BaseFont.getWidth}); notes its characters. */
        public int width(String text) {
            int units = 0;
            for (int k = 0; k < text.length(); k++) {
                int c = text.codePointAt(k);
                if (c > 0xffff) {
                    k++;
                }
                measured.set(c);
                units += tables.width(c);
            }
            return units;
        }

        /** Whether {@code codePoint} was measured in this face, and so is in the font drawn. */
        public boolean measured(int codePoint) {
            return measured.get(codePoint);
        }

        /** The font drawn once {@link #bind bound}, the stand-in before. */
        @Override
        public BaseFont getFont() {
            return drawn != null ? drawn : super.getFont();
        }

        /** Makes the font drawn: the face's glyphs for the characters measured (none measured: nothing). */
        public void bind() {
            if (drawn == null && !measured.isEmpty()) {
                drawn = createFont(face, tables.compact(measured));
            }
        }
    }

    private final List<Face> faces;
    private final Map<String, List<Face>> byName = new HashMap<>();
    private final Map<Face, CompactFont> tables = new ConcurrentHashMap<>();
    private final Map<Face, FontDescription> standIns = new ConcurrentHashMap<>();

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

    /**
     * A bundled font file, read-only. Mapped where it lies, not copied: the fonts are stored
     * uncompressed in the jar, and a document reads a few hundred KB of their 57 MB (copying the
     * three faces a style uses was a tenth of a second of a cold command's CPU).
     */
    private static ByteBuffer file(String file) throws IOException {
        URL url = FontLibrary.class.getResource("/fonts/" + file);
        if (url == null) {
            throw new IOException("bundled font file fonts/" + file + " is missing from the class path");
        }
        Optional<Path> jar = JarEntries.jarOf(url);
        if (jar.isEmpty()) {
            try (FileChannel ch = FileChannel.open(Path.of(url.toURI()), StandardOpenOption.READ)) {
                return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).asReadOnlyBuffer();
            } catch (URISyntaxException e) {
                throw new IOException(url + ": " + e.getMessage(), e);
            }
        }
        JarEntries fonts = jarFonts(jar.get());
        JarEntries.Entry entry = fonts.entries().get("fonts/" + file);
        if (entry == null) {
            throw new IOException("bundled font file fonts/" + file + " is missing from " + jar.get());
        }
        return fonts.bytes(entry);
    }

    private static volatile JarEntries jarFonts;

    private static JarEntries jarFonts(Path jar) throws IOException {
        JarEntries j = jarFonts;
        if (j == null) {
            synchronized (FontLibrary.class) {
                if (jarFonts == null) {
                    jarFonts = JarEntries.read(jar, "fonts/");
                }
                j = jarFonts;
            }
        }
        return j;
    }

    /** The face's tables, read on first use: the file, its glyph offsets and its Unicode cmap. */
    CompactFont tables(Face face) {
        return tables.computeIfAbsent(face, f -> {
            try {
                ByteBuffer bytes = file(f.file());
                return new CompactFont(bytes, CompactFont.directoryOffset(bytes, f.face()));
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException("cannot load font " + f.file(), e instanceof IOException io ? io
                        : new IOException(e.getMessage(), e));
            }
        });
    }

    /** {@code face} for one document, laid out from the face's tables and bound to a font afterwards. */
    public DocumentFace forDocument(Face face) {
        return new DocumentFace(face, tables(face), standIn(face));
    }

    private FontDescription standIn(Face face) {
        return standIns.computeIfAbsent(face, f -> {
            // the face with .notdef alone: its head, OS/2, hhea and post give the metrics and decorations
            byte[] ttf = tables(f).compact(new BitSet());
            // The declared weight wins over the file's: AR PL UMing says 300, which would make
            // flying-saucer fake-bold all normal text.
            return TrueTypeUtil.extractDescription(fileName(f), ttf, createFont(f, ttf), false,
                    IdentValue.valueOf(String.valueOf(f.weight())), IdentValue.NORMAL);
        });
    }

    private static String fileName(Face face) {
        return face.file().replaceFirst("\\.tt[cf]$", "") + (face.face() == null ? "" : "-" + face.face()) + ".ttf";
    }

    private static BaseFont createFont(Face face, byte[] ttf) {
        try {
            BaseFont font = BaseFont.createFont(fileName(face), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            font.setSecureRandom(SubsetTags.RANDOM);
            // Deflating the outlines was a quarter of a warm document's time at OpenPDF's level 6; glyph
            // outlines gain little from zlib's slower matchers: half the time for 10 % more font bytes.
            font.setCompressionLevel(Deflater.BEST_SPEED);
            // OpenPDF's CIDSet lists the glyphs drawn but not .notdef and composite parts the subset
            // holds, which PDF/A validators reject; PDF/A-2 and plain PDF do without one.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset font " + face.file(), e);
        }
    }

    /**
     * Reads the tables of the faces answering to {@code families} now, and makes their stand-ins (a
     * start-up thread may call it early: OpenPDF's parse of the stand-ins was 30 ms of a cold
     * command's main thread).
     */
    public void preload(List<String> families) {
        for (String family : families) {
            faces(family).forEach(this::standIn);
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
            ByteBuffer b = file(f.file());
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            assets.put("fonts/" + f.file(), bytes);
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
            digest.update(file(f.file()));
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
