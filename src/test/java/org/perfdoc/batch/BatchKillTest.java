package org.perfdoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.helper.Hashes;
import org.perfdoc.render.Format;
import org.perfdoc.write.FileTrees;

/** kill -9 of a batch at several moments: only complete files, a consistent manifest, and a rerun finishes. */
class BatchKillTest {
    static final int DOCUMENTS = 30;

    @TempDir
    Path tmp;

    @Test
    void aKilledRunLeavesOnlyCompleteFilesAndTheNextRunFinishesTheRest() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        String court = Files.readString(Examples.COURT);
        for (int i = 0; i < DOCUMENTS; i++) {
            Files.writeString(data.resolve(String.format("部门%02d.json", i)),
                    court.replace("广东省广州市中级人民法院（本级）", "部门" + i));
        }
        Path out = tmp.resolve("out");
        // Kill after the 1st, 6th and 14th document the run rendered: each run resumes the previous one.
        for (int killAfter : new int[] {1, 6, 14}) {
            killInProgress(data, out, killAfter);
            assertOnlyCompleteFiles(out);
        }
        BatchReport finish = new BatchRunner(Examples.PERFDOC,
                new BatchOptions(data, out, List.of(Format.PDF, Format.DOCX), 2, false))
                .run(Progress.NONE);
        assertEquals(0, finish.exitCode());
        assertEquals(DOCUMENTS, finish.outcomes().size());
        // What the killed runs recorded in the manifest (saved every 2 s) is kept; the rest is rendered.
        assertEquals(DOCUMENTS, finish.count(Outcome.Kind.UNCHANGED) + finish.count(Outcome.Kind.RENDERED));
        assertOnlyCompleteFiles(out);
        assertEquals(DOCUMENTS, Manifest.load(out).documents().size());
    }

    /**
     * Kills a run after {@code afterDocuments} rendered documents and proves it was killed in progress:
     * some documents still have no output. A run that finished first (the machine was fast, the kill
     * late) is undone and tried again with an earlier kill.
     */
    private void killInProgress(Path data, Path out, int afterDocuments) throws Exception {
        Path before = tmp.resolve("before");
        for (int k = afterDocuments; ; k = Math.max(1, k / 2)) {
            FileTrees.delete(before);
            copyTree(out, before);
            killMidway(data, out, k);
            long written = pdfsAtOutputPaths(out);
            if (written < DOCUMENTS) {
                assertTrue(written > 0 || k == 1, "the killed run wrote something");
                return;
            }
            assertTrue(k > 1, "no kill landed before the run finished, even after the first document");
            FileTrees.delete(out);
            copyTree(before, out);
        }
    }

    private static long pdfsAtOutputPaths(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(f -> f.toString().endsWith(".pdf") && !out.relativize(f).startsWith(BatchRunner.TMP_DIR))
                    .count();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void killMidway(Path data, Path out, int afterDocuments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.perfdoc.cli.Main",
                "batch", data.toString(), "-o", out.toString(), "--format", "pdf,docx", "--jobs", "2")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch seen = new CountDownLatch(afterDocuments);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("[") && line.contains("已生成")) {
                        seen.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        boolean reached = seen.await(120, TimeUnit.SECONDS);
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        reader.join(10_000);
        assertTrue(reached || p.exitValue() == 0, "the batch printed progress before the kill (or finished)");
    }

    /** Every PDF loads, every DOCX is a whole zip, the manifest parses and names only files that match it. */
    private static void assertOnlyCompleteFiles(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = BatchRunner.slashed(out.relativize(f));
                if (rel.startsWith(BatchRunner.TMP_DIR + "/")) {
                    continue; // the next run's start clears these; they are never at an output path
                }
                assertTrue(rel.endsWith(".pdf") || rel.endsWith(".docx") || rel.equals("manifest.json")
                        || rel.equals("index.html"), "unexpected file " + rel);
                if (rel.endsWith(".pdf")) {
                    try (PdfText pdf = new PdfText(Files.readAllBytes(f))) {
                        assertEquals(5, pdf.pages(), rel);
                    }
                } else if (rel.endsWith(".docx")) {
                    try (ZipFile zip = new ZipFile(f.toFile())) {
                        assertTrue(zip.getEntry("word/document.xml") != null, rel);
                    }
                }
            }
        }
        Manifest manifest = Manifest.load(out);
        for (Manifest.Entry e : manifest.documents().values()) {
            for (Manifest.Output o : e.outputs()) {
                Path f = out.resolve(o.path());
                assertTrue(Files.exists(f), "manifest names an existing file: " + o.path());
                assertEquals(o.sha256(), Hashes.sha256Hex(Files.readAllBytes(f)), o.path());
            }
        }
    }
}
