package org.perfdoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.batch.BatchOptions;
import org.perfdoc.batch.BatchReport;
import org.perfdoc.batch.BatchRunner;
import org.perfdoc.batch.Outcome;
import org.perfdoc.batch.Progress;
import org.perfdoc.render.Format;

/** Guarantee 5: an output folder lost in the middle of a batch fails those documents clearly, nothing else. */
class BatchFaultTest {
    @TempDir
    Path dir;

    @Test
    void anOutputFolderThatBecomesUnwritableMidwayFailsThoseDocumentsClearlyAndLeavesNoPartialFile()
            throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < 6; i++) {
            Files.copy(Examples.COURT, data.resolve("a" + i + ".json"));
        }
        Path out = dir.resolve("out");
        boolean root = "root".equals(System.getProperty("user.name"));
        // After the first document the output folder is made unwritable: read-only where permissions
        // bind, replaced by a plain file as root (root writes into read-only folders).
        Progress sabotage = new Progress() {
            private boolean done;

            @Override
            public void started(int total) {
            }

            @Override
            public void done(Outcome outcome) {
                if (done) {
                    return;
                }
                done = true;
                try {
                    Path tmp = out.resolve(".perfdoc-tmp");
                    if (root) {
                        try (Stream<Path> s = Files.walk(tmp)) {
                            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                                Files.delete(p);
                            }
                        }
                        Files.writeString(tmp, "blocked");
                    } else {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
            }
        };
        BatchReport r = new BatchRunner(Examples.PERFDOC,
                new BatchOptions(data, out, List.of(Format.PDF), 1, false)).run(sabotage);
        if (!root) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(1, r.exitCode());
        assertTrue(r.count(Outcome.Kind.FAILED) >= 5, r.outcomes().toString());
        assertTrue(r.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.FAILED)
                .allMatch(o -> !o.entry().errors().get(0).isBlank()));
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                try (PdfText pdf = new PdfText(Files.readAllBytes(f))) {
                    assertEquals(5, pdf.pages(), "only complete PDFs: " + f);
                }
            }
        }
    }
}
