package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.render.Format;

/**
 * Every font is embedded as a subset of the document's own glyphs (with their widths and side
 * bearings), not of the face's tens of thousands, so the court example is as small as the same table
 * from JasperReports or Typst with the same fonts.
 */
class FontSubsetTest {
    @Test
    void theCourtExampleIsSmallAndItsSubsetsKeepOnlyTheirGlyphsMetrics() throws Exception {
        byte[] pdf = Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF).bytes();
        assertTrue(pdf.length <= 180 * 1024, "court example PDF: " + pdf.length / 1024 + " KB");
        Set<String> fonts = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    if (!fonts.add(font.getName())) {
                        continue;
                    }
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), "a subset: " + font.getName());
                    var cid = ((PDType0Font) font).getDescendantFont();
                    try (InputStream in = cid.getFontDescriptor().getFontFile2().createInputStream();
                         TrueTypeFont ttf = new TTFParser(true).parse(new RandomAccessReadBuffer(in))) {
                        HorizontalMetricsTable hmtx = ttf.getHorizontalMetrics();
                        int drawn = 0;
                        for (int gid = 0; gid < ttf.getNumberOfGlyphs(); gid++) {
                            GlyphData g = ttf.getGlyph().getGlyph(gid);
                            if (g != null && g.getNumberOfContours() != 0) {
                                drawn++;
                                assertTrue(hmtx.getAdvanceWidth(gid) > 0, font.getName() + " glyph " + gid + " keeps its width");
                                assertEquals(g.getXMinimum(), hmtx.getLeftSideBearing(gid), font.getName() + " glyph " + gid);
                            }
                        }
                        assertTrue(drawn > 1, font.getName());
                        // the bundled faces have 30,000–65,000 glyphs; the court table uses under 1,000 characters
                        assertTrue(ttf.getNumberOfGlyphs() < 2_000, font.getName() + ": " + ttf.getNumberOfGlyphs()
                                + " glyphs: the whole font's glyph table, not the document's");
                    }
                }
            }
        }
        assertEquals(3, fonts.size(), fonts.toString());
    }
}
