package org.perfdoc.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.render.Format;

/**
 * How closely the court table wraps like the published PDF (set in SimSun): the share of the seed's
 * physical lines in the 绩效目标 and 绩效指标 columns that the rendered PDF also has as whole lines.
 * The number chose the 宋体 font and the column widths (README, "Fonts"); this guards it.
 */
class WrapFidelityTest {
    static final Pattern INDICATOR_START = Pattern.compile("^\\d+、\\d+-.*");
    static final Pattern AMOUNTS = Pattern.compile(".*\\d\\.\\d\\d$");

    /** Seed lines by column: [0] goal lines, [1] indicator lines. */
    static List<List<String>> seedLines() throws IOException {
        List<String> goal = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        boolean inProject = false;
        boolean nameDone = false;
        boolean inIndicators = false;
        for (String raw : Files.readAllLines(Examples.COURT_SEED)) {
            if (raw.startsWith("    ")) {
                inProject = true;
                nameDone = AMOUNTS.matcher(raw.strip()).matches();
                inIndicators = false;
                continue;
            }
            String line = raw.strip();
            if (!inProject || line.isEmpty()) {
                continue;
            }
            if (!nameDone) {
                nameDone = AMOUNTS.matcher(line).matches();
                continue;
            }
            if (INDICATOR_START.matcher(line).matches()) {
                inIndicators = true;
            }
            (inIndicators ? indicators : goal).add(line);
        }
        return List.of(goal, indicators);
    }

    static double share(List<String> seed, List<String> rendered) {
        Map<String, Integer> available = new HashMap<>();
        rendered.forEach(l -> available.merge(l.replaceAll("\\s", ""), 1, Integer::sum));
        int matched = 0;
        for (String s : seed) {
            String k = s.replaceAll("\\s", "");
            if (available.getOrDefault(k, 0) > 0) {
                available.merge(k, -1, Integer::sum);
                matched++;
            } else if (System.getenv("WRAP_DEBUG") != null) {
                System.out.println("MISS " + s);
            }
        }
        return (double) matched / seed.size();
    }

    @Test
    void courtTableWrapsLikeThePublishedPdf() throws IOException {
        List<List<String>> seed = seedLines();
        TargetDocument doc = Examples.read(Examples.COURT).document();
        try (PdfText pdf = new PdfText(Examples.PERFDOC.render(doc, Format.PDF).bytes())) {
            double goals = share(seed.get(0), GuangzhouColumns.GOAL.lines(pdf));
            double indicators = share(seed.get(1), GuangzhouColumns.INDICATORS.lines(pdf));
            System.out.printf("wrap fidelity: 绩效目标 %.1f %% of %d lines, 绩效指标 %.1f %% of %d lines%n",
                    goals * 100, seed.get(0).size(), indicators * 100, seed.get(1).size());
            assertTrue(seed.get(0).size() > 80 && seed.get(1).size() > 120, "seed parsed");
            assertTrue(goals >= 0.80, "goal column wraps like the published table: " + goals);
            assertTrue(indicators >= 0.85, "indicator column wraps like the published table: " + indicators);
        }
    }
}
