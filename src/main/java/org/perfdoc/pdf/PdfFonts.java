package org.perfdoc.pdf;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfdoc.fonts.FontLibrary;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/** The bundled fonts as flying-saucer sees them: a resolver per document that knows only them. */
final class PdfFonts {
    private final FontLibrary fonts;

    PdfFonts(FontLibrary fonts) {
        this.fonts = fonts;
    }

    /** One document's font resolver and the faces registered in it, to {@linkplain FontLibrary.DocumentFace#bind bind} once laid out. */
    record DocumentFonts(ITextFontResolver resolver, List<FontLibrary.DocumentFace> faces) {
        /** Makes the fonts to draw with, from the characters the layout measured in each face. */
        void bind() {
            faces.forEach(FontLibrary.DocumentFace::bind);
        }
    }

    /**
     * A font resolver with {@code families} (and every other name of the same faces) registered, and
     * nothing else: flying-saucer's default one also builds the 14 standard Type 1 fonts for every
     * document, and would quietly fall back to Times-Roman (where every Chinese character
     * disappears) for an unknown family.
     */
    DocumentFonts forDocument(List<String> families) {
        ITextFontResolver resolver = new ITextFontResolver() {
            @Override
            protected Map<String, FontFamily> loadFonts() {
                return new HashMap<>();
            }
        };
        Map<String, FontFamily> registered = resolver.getFonts();
        Map<FontLibrary.Face, FontLibrary.DocumentFace> made = new LinkedHashMap<>(); // one per face and document
        for (String family : families) {
            List<FontLibrary.Face> found = fonts.faces(family);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no bundled font is named " + family);
            }
            for (FontLibrary.Face face : found) {
                FontLibrary.DocumentFace d = made.computeIfAbsent(face, fonts::forDocument);
                for (String name : face.names()) {
                    FontFamily ff = registered.computeIfAbsent(name, PdfFonts::newFamily);
                    if (!ff.getFontDescriptions().contains(d)) {
                        ff.addFontDescription(d);
                    }
                }
            }
        }
        return new DocumentFonts(resolver, List.copyOf(made.values()));
    }

    // flying-saucer only creates families from font files on disk; ours live in the jar and are
    // parsed once, so the (package-private) constructor is called directly.
    private static final Constructor<FontFamily> FAMILY;

    static {
        try {
            FAMILY = FontFamily.class.getDeclaredConstructor(String.class);
            FAMILY.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static FontFamily newFamily(String name) {
        try {
            return FAMILY.newInstance(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("flying-saucer's FontFamily changed", e);
        }
    }
}
