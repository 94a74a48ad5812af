package org.perfdoc.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.perfdoc.Perfdoc;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;

/**
 * Converting one large document between its forms: JSON → workbook (read, validate, write .xlsx)
 * and workbook → JSON (read the .xlsx, validate, write .json), per style, each pair of runs
 * interleaved with reading the same document from JSON, so the ratio holds on a noisy machine.
 */
public final class ConvertBenchmark {
    private final Perfdoc perfdoc;
    private final PrintStream out;

    public ConvertBenchmark(Perfdoc perfdoc, PrintStream out) {
        this.perfdoc = perfdoc;
        this.out = out;
    }

    /** Measures {@code projects}-project documents of both styles, {@code runs} times each, and prints a table. */
    public void run(SyntheticBatch batch, int projects, int runs, long seed) throws IOException {
        out.println("| style | projects | rows (projects + indicators) | .xlsx KB | json → xlsx ms (first / median) "
                + "| xlsx → json ms (first / median) | ms per 1,000 rows (json → xlsx / xlsx → json, medians) "
                + "| read JSON ms (median) | xlsx read ÷ JSON read |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String style : List.of("guangzhou", "shanghai")) {
            byte[] json = batch.large(style, projects, seed);
            TargetDocument doc = valid(perfdoc.read(style + ".json", json));
            int rows = doc.projects().size() + doc.projects().stream().mapToInt(p -> p.indicators().size()).sum();
            byte[] xlsx = null;
            List<Double> toXlsx = new ArrayList<>();
            List<Double> toJson = new ArrayList<>();
            List<Double> readJson = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                xlsx = perfdoc.render(valid(perfdoc.read(style + ".json", json)), Format.XLSX).bytes();
                long t1 = System.nanoTime();
                byte[] back = perfdoc.render(valid(perfdoc.read(style + ".xlsx", xlsx)), Format.JSON).bytes();
                long t2 = System.nanoTime();
                valid(perfdoc.read(style + ".json", back));
                long t3 = System.nanoTime();
                toXlsx.add((t1 - t0) / 1e6);
                toJson.add((t2 - t1) / 1e6);
                readJson.add((t3 - t2) / 1e6);
                ratios.add((double) (t2 - t1) / (t3 - t2));
            }
            double median = median(toJson);
            out.printf("| %s | %d | %d | %d | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f | %.0f | %.1f× |%n", style,
                    doc.projects().size(), rows, xlsx.length >> 10, toXlsx.get(0), median(toXlsx), toJson.get(0), median,
                    median(toXlsx) * 1000 / rows, median * 1000 / rows, median(readJson), median(ratios));
        }
    }

    private TargetDocument valid(ReadResult read) {
        List<Problem> problems = perfdoc.validate(read);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalStateException("benchmark input invalid: " + problems);
        }
        return read.document();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
