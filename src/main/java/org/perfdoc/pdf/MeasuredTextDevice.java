package org.perfdoc.pdf;

import org.perfdoc.fonts.FontLibrary;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * flying-saucer's PDF output device, refusing to draw a character its font was not made with: each
 * document's fonts hold only the characters the layout measured ({@link FontLibrary.DocumentFace}),
 * and OpenPDF would draw any other as an empty box without a word.
 */
final class MeasuredTextDevice extends ITextOutputDevice {
    private ITextFSFont font;

    MeasuredTextDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void setFont(ITextFSFont font) {
        this.font = font;
        super.setFont(font);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (font != null && font.getFontDescription() instanceof FontLibrary.DocumentFace face) {
            for (int k = 0; k < s.length(); k += Character.charCount(s.codePointAt(k))) {
                int c = s.codePointAt(k);
                if (!face.measured(c)) {
                    throw new IllegalStateException("flying-saucer draws U+%04X in %s, which the layout never measured: %s"
                            .formatted(c, face.face().file(), s));
                }
            }
        }
        super.drawString(s, x, y, info);
    }
}
