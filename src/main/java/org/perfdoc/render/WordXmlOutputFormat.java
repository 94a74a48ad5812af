package org.perfdoc.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.template.utility.StringUtil;
import java.io.IOException;
import java.io.Writer;
import org.perfdoc.validate.DocumentValidator;

/**
 * FreeMarker output format for WordprocessingML: escapes markup like the XML format and also drops
 * characters XML 1.0 forbids (FreeMarker's XML format passes U+0001 through, and Word and LibreOffice
 * then refuse the whole file). Validation refuses such input first; this is the second guard.
 */
final class WordXmlOutputFormat extends CommonMarkupOutputFormat<WordXmlOutputFormat.Model> {
    static final WordXmlOutputFormat INSTANCE = new WordXmlOutputFormat();

    private WordXmlOutputFormat() {
    }

    @Override
    public String getName() {
        return "WordprocessingML";
    }

    @Override
    public String getMimeType() {
        return "application/xml";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return StringUtil.XMLEnc(legalXml(plainTextContent));
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return builtInName.equals("xml");
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    /** {@code s} without the characters XML 1.0 does not allow (lone surrogates included). */
    static String legalXml(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean legal = DocumentValidator.legalInXml(cp); // a lone surrogate is outside every legal range
            if (!legal && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (legal && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public WordXmlOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
