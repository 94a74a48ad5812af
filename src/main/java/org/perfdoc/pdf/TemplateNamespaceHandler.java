package org.perfdoc.pdf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.perfdoc.helper.Hashes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/**
 * XHTML as flying-saucer reads it, with perfdoc's small user-agent stylesheet in place of its own.
 * Its stylesheets are named by their text (flying-saucer numbers each inline style anew), so that a
 * stylesheet cache can keep a parsed sheet for every document with the same text (see
 * {@link #selfContained}).
 */
final class TemplateNamespaceHandler extends XhtmlNamespaceHandler {
    private final StylesheetInfo userAgent;

    /** With {@code css} as the user-agent stylesheet, found at {@code userAgentCssUri}. */
    TemplateNamespaceHandler(String userAgentCssUri, String css) {
        // the real address stays in front: relative url()s in the sheet resolve against it
        this.userAgent = new StylesheetInfo(StylesheetInfo.Origin.USER_AGENT, userAgentCssUri + "#" + key(css),
                List.of("all"), css);
    }

    @Override
    public Optional<StylesheetInfo> getDefaultStylesheet() {
        return Optional.of(userAgent);
    }

    @Override
    protected StylesheetInfo readStyleElement(Element style) {
        StylesheetInfo info = super.readStyleElement(style);
        if (info == null) {
            return null;
        }
        String css = info.getContent().orElseThrow();
        return new StylesheetInfo(info.getOrigin(), "inline:" + key(css), info.getMedia(), css);
    }

    /**
     * Whether all of {@code doc}'s stylesheets are named by their text: no linked sheet, no
     * {@code @import}. Only then may parsed sheets from an earlier document stand in for its own; a
     * linked file is named by its address and may change or, relative, mean another file.
     */
    boolean selfContained(Document doc) {
        for (StylesheetInfo info : getStylesheets(doc)) {
            if (info.getContent().isEmpty() || info.getContent().get().contains("@import")) {
                return false;
            }
        }
        return true;
    }

    private static String key(String css) {
        return Hashes.sha256Hex(css.getBytes(StandardCharsets.UTF_8));
    }
}
