package org.perfdoc;

import java.nio.file.Path;
import org.perfdoc.read.ReadResult;

/** The transcribed published documents in {@code examples/}, the fixtures of most tests. */
public final class Examples {
    public static final Path COURT = Path.of("examples/guangzhou-intermediate-court.json");
    public static final Path JUSTICE = Path.of("examples/guangzhou-justice-bureau-2023.json");
    /** Text extracted from the published PDFs (see {@code src/test/resources/seeds/README.md}). */
    public static final Path SEEDS = Path.of("src/test/resources/seeds");
    public static final Path COURT_SEED = SEEDS.resolve("guangzhou-intermediate-court.txt");

    /** One shared instance, as a long-running process would use it. */
    public static final Perfdoc PERFDOC = Perfdoc.create();

    private Examples() {
    }

    public static ReadResult read(Path file) {
        return PERFDOC.read(file);
    }
}
