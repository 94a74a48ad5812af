package org.perfdoc.pdf;

import org.openpdf.text.pdf.BaseFont;
import org.perfdoc.fonts.FontLibrary;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFSFontMetrics;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import org.xhtmlrenderer.render.FSFontMetrics;

/**
 * flying-saucer's text renderer with the font's typographic ascent and descent (OS/2 sTypo, the em box
 * CJK glyphs sit in) instead of its bounding box. Noto Sans SC's box is 1.81 em up and 1.05 em down
 * for a few extreme glyphs: each 黑体 line then claimed a painting area far outside its line box, and
 * a title or label next to a page break was also drawn on the neighbouring page, below or above the
 * visible area, where only text extraction found it. Line boxes keep their CSS line-height, so the
 * only visible change is a baseline moved by a fraction of a point.
 */
final class EmBoxTextRenderer extends ITextTextRenderer {
    private static final float TEXT_MEASURING_DELTA = 0.01f; // flying-saucer's, for the same rounding

    /**
     * The same width as flying-saucer's ({@code BaseFont.getWidthPoint}: the sum of the characters'
     * widths), from the face's tables (see {@link FontLibrary.DocumentFace}): no font holds the
     * document's glyphs yet while it is laid out.
     */
    @Override
    public int getWidth(ITextFontContext context, ITextFSFont font, String string) {
        if (!(font.getFontDescription() instanceof FontLibrary.DocumentFace face)) {
            return super.getWidth(context, font, string);
        }
        float result = face.width(string) * 0.001f * font.getSize2D();
        return result - Math.floor(result) < TEXT_MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    @Override
    public FSFontMetrics getFSFontMetrics(ITextFontContext context, ITextFSFont font, String string) {
        FSFontMetrics box = super.getFSFontMetrics(context, font, string);
        BaseFont bf = font.getFontDescription().getFont();
        float size = font.getSize2D();
        return new ITextFSFontMetrics(bf.getFontDescriptor(BaseFont.ASCENT, size),
                -bf.getFontDescriptor(BaseFont.DESCENT, size), box.getStrikethroughOffset(),
                box.getStrikethroughThickness(), box.getUnderlineOffset(), box.getUnderlineThickness());
    }
}
