package org.perfdoc.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * Where the next layout pass must break pages differently, read off a finished layout of a template that
 * marks its target grids: {@code data-grid-heading="G"} on grid G's heading, {@code data-grid-row="G/n"}
 * on its rows and {@code data-grid-block="start"} on the rows that start a merged block.
 *
 * @param cuts     rows that begin a page inside a merged block: the block is cut there, so the page
 *                 shows its labels again
 * @param headings grids whose heading (and so the header row) ended up on an earlier page than the
 *                 grid's first row: the heading starts a new page instead
 */
public record PageBreaks(Set<String> cuts, Set<String> headings) {
    /** No breaks asked for: the first layout pass. */
    public static final PageBreaks NONE = new PageBreaks(Set.of(), Set.of());

    public PageBreaks {
        cuts = Set.copyOf(cuts);
        headings = Set.copyOf(headings);
    }

    /** What a layout made with these breaks shows is still needed. */
    static PageBreaks find(BlockBox root) {
        List<PageBox> pages = root.getLayer().getPages();
        List<Box> marked = new ArrayList<>();
        collect(root, marked);
        Set<String> cuts = new TreeSet<>();
        Set<String> headings = new TreeSet<>();
        String prevGrid = null;
        int prevPage = -1;
        for (Box box : marked) {
            Element e = box.getElement();
            if (e.hasAttribute("data-grid-heading")) {
                // the page of the heading's last line: its top margin may lie on the page before
                prevGrid = e.getAttribute("data-grid-heading");
                prevPage = pageOf(pages, box.getAbsY() + box.getHeight() - 1);
                continue;
            }
            String key = e.getAttribute("data-grid-row");
            String grid = grid(key);
            int page = pageOf(pages, box.getAbsY());
            if (grid.equals(prevGrid) && page > prevPage) {
                if (key.endsWith("/0")) {
                    headings.add(grid);
                } else if (!"start".equals(e.getAttribute("data-grid-block"))) {
                    cuts.add(key);
                }
            }
            prevGrid = grid;
            prevPage = page;
        }
        return new PageBreaks(cuts, headings);
    }

    /**
     * These breaks with those a layout made with them still asks for. A heading moved to a new page
     * moves its whole grid, so the cuts found in that grid before are dropped; they are found again.
     */
    public PageBreaks plus(PageBreaks found) {
        Set<String> moved = new TreeSet<>(found.headings);
        moved.removeAll(headings);
        Set<String> allHeadings = new TreeSet<>(headings);
        allHeadings.addAll(moved);
        Set<String> allCuts = new TreeSet<>(cuts);
        allCuts.addAll(found.cuts);
        allCuts.removeIf(cut -> moved.contains(grid(cut)));
        return new PageBreaks(allCuts, allHeadings);
    }

    private static String grid(String rowKey) {
        return rowKey.substring(0, rowKey.lastIndexOf('/'));
    }

    private static void collect(Box box, List<Box> marked) {
        Element e = box.getElement();
        if (e != null && (e.hasAttribute("data-grid-heading")
                || ("tr".equals(e.getNodeName()) && e.hasAttribute("data-grid-row")))) {
            marked.add(box);
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, marked);
        }
    }

    private static int pageOf(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return pages.size() - 1;
    }
}
