package org.perfdoc.batch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perfdoc.Perfdoc;

/** The batch's index.html, from the template {@code batch/index.html.ftl}. */
final class IndexPage {
    private IndexPage() {
    }

    static String render(Perfdoc perfdoc, List<Outcome> outcomes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            Manifest.Entry e = o.entry();
            Map<String, Object> row = new HashMap<>();
            row.put("input", e.input());
            row.put("status", e.status().json());
            row.put("unchanged", o.kind() == Outcome.Kind.UNCHANGED);
            if (e.department() != null) {
                row.put("department", e.department());
            }
            if (e.title() != null) {
                row.put("title", e.title());
            }
            if (e.year() != null) {
                row.put("year", e.year());
            }
            if (e.style() != null) {
                row.put("style", e.style());
            }
            for (Manifest.Output out : e.outputs()) {
                row.put(out.format(), href(out.path()));
                if (out.conformance() != null) {
                    row.put(out.format() + "Conformance", out.conformance());
                }
                if (out.pages() != null) {
                    row.put("pages", out.pages());
                }
            }
            List<String> problems = new ArrayList<>(e.errors());
            problems.addAll(e.warnings());
            row.put("problems", problems);
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("okCount", outcomes.stream().filter(o -> o.entry().status() == Manifest.Status.OK).count());
        model.put("invalidCount", outcomes.stream().filter(o -> o.kind() == Outcome.Kind.INVALID).count());
        model.put("failedCount", outcomes.stream().filter(o -> o.kind() == Outcome.Kind.FAILED).count());
        return perfdoc.renderPage("batch/index.html.ftl", model);
    }

    /** A relative link with every path segment percent-encoded (names may hold #, ?, % or spaces). */
    static String href(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(relativePath, e);
        }
    }
}
