package org.perfdoc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Perfdoc;
import org.perfdoc.render.Format;

class BenchmarkTest {
    @Test
    void aMeasuredBatchCountsItsDocumentsPagesBytesAndTheProcessorTimeItTook(@TempDir Path dir) throws Exception {
        Perfdoc perfdoc = Perfdoc.create();
        List<Path> inputs = new SyntheticBatch(perfdoc).write(dir.resolve("data"), 4, 7);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Benchmark bench = new Benchmark(perfdoc, new PrintStream(printed, true, StandardCharsets.UTF_8));

        Benchmark.Result r = bench.batch(dir.resolve("data"), dir.resolve("out"), List.of(Format.PDF), 2, false);

        assertEquals(4, inputs.size());
        assertEquals(4, r.documents());
        long onDisk;
        try (var files = Files.walk(dir.resolve("out"))) {
            onDisk = files.filter(p -> p.toString().endsWith(".pdf")).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(onDisk, r.outputBytes(), "output bytes are the PDFs written");
        assertTrue(r.pages() >= 4, "every document has a page: " + r.pages());
        // Rendering four documents takes processor time, and the JIT's part of it is never negative.
        assertTrue(r.cpuMillis() > 0, "CPU " + r.cpuMillis());
        assertTrue(r.jitMillis() >= 0, "JIT " + r.jitMillis());

        bench.printTable(List.of(r));
        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.startsWith("| formats | jobs | documents | wall s | CPU s | JIT s | docs/s |"), table);
        assertTrue(table.contains(String.format("| pdf | 2 | 4 | %.1f | %.1f | %.1f |", r.wallMillis() / 1000.0,
                r.cpuMillis() / 1000.0, r.jitMillis() / 1000.0)), table);
    }
}
