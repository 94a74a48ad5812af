package org.perfdoc.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.perfdoc.PdfText;
import org.perfdoc.Perfdoc;
import org.perfdoc.TextAssertions;
import org.perfdoc.fonts.FontLibrary;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.pdf.PdfRenderer;
import org.perfdoc.style.StyleCatalog;
import org.perfdoc.style.TemplateRoots;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * The guarantee that nothing printed is lost, checked on a real PDF: for every block of text the
 * template made (a cell, a paragraph, a heading), the characters the PDF draws inside that block's box
 * (its content width, on its lines' heights and pages) are exactly the block's text, in order,
 * whitespace aside. Text that runs past its cell, off the page or over a neighbour breaks it: the
 * block then lacks those characters, and the neighbour has extra ones.
 */
public final class LaidOutText {
    private static final float TOLERANCE = 0.6f;
    private static final DocumentRenderer RENDERER = new DocumentRenderer(new StyleCatalog(TemplateRoots.bundled()),
            FontLibrary.bundled(), Perfdoc.generator(), null);

    /** One line of a text block: where its glyphs must be, in points from the page's top-left corner. */
    private record Slot(int page, float top, float bottom, float left, float right) {
    }

    private record Block(String path, String text, List<Slot> slots) {
    }

    private LaidOutText() {
    }

    /** The blocks whose printed text differs from their text, described; empty when nothing is lost. */
    public static List<String> losses(TargetDocument doc) throws IOException {
        PdfRenderer.Layout layout = RENDERER.layOut(doc);
        List<Block> blocks = blocks(layout.renderer());
        byte[] pdf = layout.write(false).bytes();
        List<String> losses = new ArrayList<>();
        try (PdfText text = new PdfText(pdf)) {
            List<List<PdfText.Glyph>> pages = new ArrayList<>();
            for (int n = 1; n <= text.pages(); n++) {
                pages.add(text.glyphs(n));
            }
            for (Block b : blocks) {
                String printed = printed(b, pages);
                String expected = TextAssertions.squeeze(b.text());
                if (!printed.equals(expected)) {
                    losses.add(b.path() + ": expected \"" + abbreviate(expected) + "\" (" + expected.length()
                            + " characters) inside its box, the PDF has \"" + abbreviate(printed) + "\" ("
                            + printed.length() + ")");
                }
            }
        }
        return losses;
    }

    /** The glyphs drawn inside the block's slots, line by line, left to right. */
    private static String printed(Block b, List<List<PdfText.Glyph>> pages) {
        StringBuilder out = new StringBuilder();
        for (Slot s : b.slots()) {
            List<PdfText.Glyph> inside = new ArrayList<>();
            for (PdfText.Glyph g : pages.get(s.page())) {
                if (g.baseline() >= s.top() - TOLERANCE && g.baseline() <= s.bottom() + TOLERANCE
                        && g.x() >= s.left() - TOLERANCE && g.right() <= s.right() + TOLERANCE) {
                    inside.add(g);
                }
            }
            inside.sort(Comparator.comparingDouble(PdfText.Glyph::x));
            inside.forEach(g -> out.append(g.text()));
        }
        return TextAssertions.squeeze(out.toString());
    }

    /** Every block box with inline content, with the lines it was laid out in. */
    private static List<Block> blocks(ITextRenderer renderer) {
        LayoutContext css = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        List<Block> blocks = new ArrayList<>();
        // PdfRenderer lays out at flying-saucer's default resolution
        collect(renderer.getRootBox(), css, pages, ITextRenderer.DEFAULT_DOTS_PER_POINT, blocks);
        return blocks;
    }

    private static void collect(Box box, CssContext css, List<PageBox> pages, float dotsPerPoint, List<Block> out) {
        if (box instanceof BlockBox block && block.getChildrenContentType() == BlockBox.ContentType.INLINE
                && box.getElement() != null) {
            var content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), css);
            List<Slot> slots = new ArrayList<>();
            for (Box child : box.getChildren()) {
                if (child instanceof LineBox line) {
                    int page = pageOf(pages, line.getAbsY());
                    PageBox p = pages.get(page);
                    var clip = p.getPrintClippingBounds(css);
                    float top = (line.getAbsY() - p.getTop() + clip.y) / dotsPerPoint;
                    float left = (content.x + clip.x) / dotsPerPoint;
                    slots.add(new Slot(page, top, top + line.getHeight() / dotsPerPoint, left,
                            left + content.width / dotsPerPoint));
                }
            }
            out.add(new Block(path(box.getElement()), inlineText(box.getElement()), slots));
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, css, pages, dotsPerPoint, out);
        }
    }

    /** The element's text, leaving out descendants laid out as blocks of their own. */
    private static String inlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            } else if (n instanceof Element child && !isBlock(child)) {
                sb.append(inlineText(child));
            }
        }
        return sb.toString();
    }

    private static boolean isBlock(Element e) {
        return switch (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()) {
            case "p", "div", "table", "tr", "td", "th", "h1", "h2", "h3", "ul", "ol", "li" -> true;
            default -> false;
        };
    }

    private static int pageOf(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return pages.size() - 1;
    }

    private static String path(Element e) {
        StringBuilder p = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            String cls = el.getAttribute("class");
            p.insert(0, "/" + el.getNodeName() + (cls.isEmpty() ? "" : "." + cls.replace(' ', '.')));
        }
        return p.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 60) + "…" + s.substring(s.length() - 60);
    }
}
