package org.perfdoc.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * Reads a finished layout for grid rows ({@code data-grid-row}) that begin a new page in the middle
 * of a merged block ({@code data-grid-block="start"} marks block starts). Those are the cuts the next
 * layout pass makes, so that the block's labels are printed again on that page.
 */
final class PageCuts {
    private PageCuts() {
    }

    static Set<String> find(BlockBox root) {
        List<PageBox> pages = root.getLayer().getPages();
        List<Box> rows = new ArrayList<>();
        collect(root, rows);
        Set<String> cuts = new LinkedHashSet<>();
        String prevGrid = null;
        int prevPage = -1;
        for (Box row : rows) {
            Element e = row.getElement();
            String key = e.getAttribute("data-grid-row");
            String grid = key.substring(0, key.lastIndexOf('/'));
            int page = pageOf(pages, row.getAbsY());
            boolean blockStart = "start".equals(e.getAttribute("data-grid-block"));
            if (grid.equals(prevGrid) && page > prevPage && !blockStart) {
                cuts.add(key);
            }
            prevGrid = grid;
            prevPage = page;
        }
        return cuts;
    }

    private static void collect(Box box, List<Box> rows) {
        Element e = box.getElement();
        if (e != null && "tr".equals(e.getNodeName()) && e.hasAttribute("data-grid-row")) {
            rows.add(box);
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, rows);
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
