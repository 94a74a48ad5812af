package org.perfdoc.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.BaseFont;

/** A face as one document uses it: OpenPDF's widths without OpenPDF's font, then a font of what was measured. */
class DocumentFaceTest {
    private static final FontLibrary FONTS = FontLibrary.bundled();

    private static String examplesText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                text.append(Files.readString(f));
            }
        }
        for (int c = 0x20; c < 0x7f; c++) {
            text.appendCodePoint(c);
        }
        return text.append("\u3000\u00a0𠀀𠀁\uDBFF\uDFFD").toString(); // and characters some faces lack
    }

    @Test
    void widthsAreTheOnesOpenPdfGivesForTheFontMadeFromTheSameCharacters() throws IOException {
        String text = examplesText();
        BitSet chars = new BitSet();
        text.codePoints().forEach(chars::set);
        for (String family : List.of("宋体", "黑体", "楷体")) {
            for (FontLibrary.Face face : FONTS.faces(family)) {
                byte[] ttf = FONTS.tables(face).compact(chars);
                BaseFont font = BaseFont.createFont(face.file() + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
                FontLibrary.DocumentFace measured = FONTS.forDocument(face);
                int zero = 0;
                for (int c = chars.nextSetBit(0); c >= 0; c = chars.nextSetBit(c + 1)) {
                    String s = Character.toString(c);
                    assertEquals(font.getWidth(s), measured.width(s), face.file() + " " + s + String.format(" U+%04X", c));
                    zero += font.getWidth(s) == 0 ? 1 : 0;
                }
                assertTrue(zero >= 1 && zero < 20, face.file() + ": " + zero + " characters without a glyph");
                assertEquals(font.getWidth(text), measured.width(text), face.file() + " whole text");
            }
        }
    }

    @Test
    void boundFontHoldsTheMeasuredCharactersOnlyAndAnUnusedFaceMakesNone() {
        FontLibrary.Face song = FONTS.faces("宋体").get(0);
        FontLibrary.DocumentFace used = FONTS.forDocument(song);
        FontLibrary.DocumentFace unused = FONTS.forDocument(song);
        BaseFont standIn = used.getFont();
        assertFalse(standIn.charExists('绩'), "the stand-in draws nothing");

        used.width("绩效目标 12");
        used.bind();
        unused.bind();

        for (char c : "绩效目标 12".toCharArray()) {
            assertTrue(used.measured(c));
            assertTrue(c == ' ' || used.getFont().charExists(c), "drawn: " + c);
        }
        assertFalse(used.measured('项'));
        assertFalse(used.getFont().charExists('项'), "not measured, not in the font");
        assertSame(standIn, unused.getFont(), "no font made for a face nothing was measured in");
        assertSame(standIn, FONTS.forDocument(song).getFont(), "one stand-in per face");
    }
}
