package org.perfdoc.render;

import java.util.Locale;

/** Output formats, named as on the command line. */
public enum Format {
    /** Publishable PDF through flying-saucer. */
    PDF,
    /** An editable Word draft, from WordprocessingML templates. */
    DOCX,
    /** The intermediate XHTML, for template authors to preview in a browser. */
    HTML,
    /** An Excel workbook in the style's layout: the document handed back for editing. */
    XLSX,
    /** perfdoc's JSON input format, as a budget system would write it. */
    JSON;

    /** The file extension and command-line name: pdf, docx, html, xlsx, json. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code s} (any case); an unknown name is an IllegalArgumentException listing the known ones. */
    public static Format parse(String s) {
        for (Format f : values()) {
            if (f.extension().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + s + "' (pdf, docx, html, xlsx, json)");
    }
}
