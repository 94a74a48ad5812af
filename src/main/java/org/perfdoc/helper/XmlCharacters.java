package org.perfdoc.helper;

/**
 * The characters an XML 1.0 document can hold. Validation refuses input with others; the Word
 * output format drops them as a second guard (Word and LibreOffice refuse a file holding one).
 */
public final class XmlCharacters {
    private XmlCharacters() {
    }

    /** XML 1.0 Char: tab, newline, carriage return and everything from U+0020 but surrogates, U+FFFE and U+FFFF. */
    public static boolean legal(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** {@code s} without the characters XML 1.0 does not allow (lone surrogates included). */
    public static String withoutIllegal(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean legal = legal(cp); // a lone surrogate is outside every legal range
            if (!legal && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (legal && out != null) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? s : out.toString();
    }
}
