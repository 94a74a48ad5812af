package org.perfdoc.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.perfdoc.Perfdoc;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import org.perfdoc.render.Rendered;
import org.perfdoc.validate.Problem;
import org.perfdoc.write.AtomicFiles;
import org.perfdoc.write.FileTrees;

/**
 * Regenerates every document of a data folder: finds the inputs, renders in parallel only what
 * changed since the manifest's run, writes atomically, removes outputs of vanished inputs, and
 * writes manifest.json and index.html. One document's failure never stops the others.
 */
public final class BatchRunner {
    static final String TMP_DIR = ".perfdoc-tmp";
    private static final long MANIFEST_SAVE_MILLIS = 2000;

    private final Perfdoc perfdoc;
    private final BatchOptions options;

    public BatchRunner(Perfdoc perfdoc, BatchOptions options) {
        this.perfdoc = perfdoc;
        this.options = options;
    }

    public BatchReport run(Progress progress) throws IOException {
        long start = System.nanoTime();
        Path data = options.dataDir().toRealPath();
        Files.createDirectories(options.outDir());
        Path out = options.outDir().toRealPath();
        Path tmp = out.resolve(TMP_DIR);
        FileTrees.delete(tmp);

        List<Path> inputs = inputs(data, out);
        Manifest previous = Manifest.load(out);
        Map<String, Manifest.Entry> entries = new ConcurrentHashMap<>(previous.documents());
        String environment = perfdoc.fingerprint() + "|" + options.formats();

        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path input : inputs) {
            byName.put(slashed(data.relativize(input)), input);
        }
        List<String> removed = removeVanished(entries, byName.keySet(), out);

        progress.started(byName.size());
        Map<String, Outcome> outcomes = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Map.Entry<String, Path> e : byName.entrySet()) {
                Manifest.Entry old = previous.documents().get(e.getKey());
                done.submit(() -> process(e.getKey(), e.getValue(), old, environment, out, tmp));
            }
            long lastSave = System.currentTimeMillis();
            for (int i = 0; i < byName.size(); i++) {
                Outcome o = take(done);
                outcomes.put(o.entry().input(), o);
                entries.put(o.entry().input(), o.entry());
                progress.done(o);
                if (System.currentTimeMillis() - lastSave > MANIFEST_SAVE_MILLIS) {
                    saveQuietly(new Manifest(Perfdoc.generator(), entries), out, tmp, null);
                    lastSave = System.currentTimeMillis();
                }
            }
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        List<String> runErrors = new ArrayList<>();
        saveQuietly(new Manifest(Perfdoc.generator(), entries), out, tmp, runErrors);
        List<Outcome> ordered = byName.keySet().stream().map(outcomes::get).toList();
        try {
            AtomicFiles.write(out.resolve("index.html"),
                    IndexPage.render(perfdoc, ordered).getBytes(StandardCharsets.UTF_8), tmp);
            FileTrees.delete(tmp);
        } catch (IOException e) {
            runErrors.add("无法写入 index.html：" + e);
        }
        return new BatchReport(ordered, removed, runErrors, (System.nanoTime() - start) / 1_000_000);
    }

    /** A manifest that cannot be written costs re-rendering later, never the documents already written. */
    private static void saveQuietly(Manifest manifest, Path out, Path tmp, List<String> runErrors) {
        try {
            manifest.save(out, tmp);
        } catch (IOException e) {
            if (runErrors != null) {
                runErrors.add("无法写入 manifest.json：" + e);
            }
        }
    }

    private static Outcome take(ExecutorCompletionService<Outcome> done) throws IOException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // process() catches everything per document; reaching here is a bug in the runner itself
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Renders one input unless its manifest entry is current. Never throws. */
    private Outcome process(String name, Path input, Manifest.Entry old, String environment, Path out, Path tmp) {
        long t0 = System.nanoTime();
        try {
            byte[] bytes = Files.readAllBytes(input);
            String sha = sha256(bytes);
            String fingerprint = sha256((environment + "|" + sha).getBytes(StandardCharsets.UTF_8));
            if (!options.force() && old != null && fingerprint.equals(old.fingerprint()) && intact(old, out)) {
                Outcome.Kind kind = switch (old.status()) {
                    case "invalid" -> Outcome.Kind.INVALID;
                    case "ok" -> Outcome.Kind.UNCHANGED;
                    default -> null;
                };
                if (kind != null) {
                    return new Outcome(old, kind, millis(t0));
                }
            }
            ReadResult read = perfdoc.read(options.dataDir().resolve(name).toString(), bytes);
            List<Problem> problems = perfdoc.validate(read);
            List<String> warnings = problems.stream().filter(p -> !p.isError()).map(Problem::toString).toList();
            List<String> errors = problems.stream().filter(Problem::isError).map(Problem::toString).toList();
            var doc = read.document();
            if (!errors.isEmpty()) {
                deleteOutputs(old, out, List.of());
                Manifest.Entry entry = new Manifest.Entry(name, sha, fingerprint, "invalid",
                        doc == null ? null : doc.department(), doc == null || doc.year() == 0 ? null : doc.year(),
                        doc == null ? null : doc.style(), warnings, errors, List.of());
                return new Outcome(entry, Outcome.Kind.INVALID, millis(t0));
            }
            List<Manifest.Output> outputs = new ArrayList<>();
            for (Format format : options.formats()) {
                Rendered r = perfdoc.render(doc, format);
                String path = outputName(name, format);
                AtomicFiles.write(inside(out, path), r.bytes(), tmp);
                outputs.add(new Manifest.Output(format.extension(), path, sha256(r.bytes()), r.bytes().length,
                        r.pages() > 0 ? r.pages() : null));
            }
            deleteOutputs(old, out, outputs.stream().map(Manifest.Output::path).toList());
            Manifest.Entry entry = new Manifest.Entry(name, sha, fingerprint, "ok", doc.department(), doc.year(),
                    doc.style(), warnings, List.of(), outputs);
            return new Outcome(entry, Outcome.Kind.RENDERED, millis(t0));
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Manifest.Entry entry = new Manifest.Entry(name, null, null, "failed", null, null, null, List.of(),
                    List.of(message), old == null ? List.of() : old.outputs());
            return new Outcome(entry, Outcome.Kind.FAILED, millis(t0));
        }
    }

    /** Every output the entry names still exists with its recorded size. */
    private static boolean intact(Manifest.Entry entry, Path out) {
        for (Manifest.Output o : entry.outputs()) {
            Path p = out.resolve(o.path());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != o.bytes()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Deletes the entry's outputs except {@code keep}. */
    private static void deleteOutputs(Manifest.Entry entry, Path out, List<String> keep) throws IOException {
        if (entry == null) {
            return;
        }
        for (Manifest.Output o : entry.outputs()) {
            if (!keep.contains(o.path())) {
                Files.deleteIfExists(inside(out, o.path()));
            }
        }
    }

    private static List<String> removeVanished(Map<String, Manifest.Entry> entries, Set<String> present, Path out)
            throws IOException {
        List<String> removed = new ArrayList<>();
        for (String name : List.copyOf(entries.keySet())) {
            if (!present.contains(name)) {
                Manifest.Entry gone = entries.remove(name);
                for (Manifest.Output o : gone.outputs()) {
                    if (Files.deleteIfExists(inside(out, o.path()))) {
                        removed.add(o.path());
                    }
                }
            }
        }
        return removed;
    }

    /** Inputs: regular *.json files below {@code data}, not in hidden folders or in {@code out}, sorted. */
    static List<Path> inputs(Path data, Path out) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(p -> !p.startsWith(out))
                    .filter(p -> data.relativize(p).toString().isEmpty() || !hidden(data.relativize(p)))
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> slashed(data.relativize(p))))
                    .toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** {@code 2024/市司法局.json} → {@code 2024/市司法局.pdf}. */
    static String outputName(String input, Format format) {
        int dot = input.lastIndexOf('.');
        return (dot > input.lastIndexOf('/') ? input.substring(0, dot) : input) + "." + format.extension();
    }

    /**
     * The output path, refused unless it stays inside {@code out} after resolving every symbolic link
     * that already exists on the way (a linked folder in OUT_DIR cannot lead outside it).
     */
    static Path inside(Path out, String relative) throws IOException {
        Path target = out.resolve(relative).normalize();
        if (!target.startsWith(out)) {
            throw new IOException("拒绝写到输出目录之外：" + relative);
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(out)) {
            throw new IOException("拒绝写到输出目录之外（经由符号链接）：" + relative);
        }
        if (Files.isSymbolicLink(target)) {
            throw new IOException("拒绝覆盖符号链接：" + relative);
        }
        return target;
    }

    static String slashed(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
