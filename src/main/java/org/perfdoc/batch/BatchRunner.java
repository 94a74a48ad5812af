package org.perfdoc.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.perfdoc.Perfdoc;
import org.perfdoc.helper.Hashes;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import org.perfdoc.render.Rendered;
import org.perfdoc.write.AtomicFiles;
import org.perfdoc.write.FileTrees;
import org.perfdoc.write.OutputNames;

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
    /** Inputs whose outputs an earlier input (same name, other extension) already writes. */
    private final Map<String, String> clashes = new ConcurrentHashMap<>();

    /** A run of {@code options} through {@code perfdoc}. */
    public BatchRunner(Perfdoc perfdoc, BatchOptions options) {
        this.perfdoc = perfdoc;
        this.options = options;
    }

    /** The folders of one run and what the previous runs recorded (of this run's shard). */
    private record Folders(Path data, Path out, Path tmp, Manifest previous, Map<String, Manifest.Entry> entries) {
    }

    /**
     * Runs the batch, telling {@code progress} of each document: discover the inputs, plan (drop what
     * vanished), render what changed, finish (manifest, index page). Throws only when the folders
     * themselves are unusable; every document's own failure is in the report.
     */
    public BatchReport run(Progress progress) throws IOException {
        long start = System.nanoTime();
        Folders folders = prepare();
        Map<String, Path> inputs = discover(folders);
        List<String> removed = removeVanished(folders, inputs.keySet());
        List<Outcome> outcomes = render(folders, inputs, progress);
        List<String> errors = finish(folders, outcomes);
        return new BatchReport(outcomes, removed, errors, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The folders, and what earlier runs recorded: the manifest, and the shards' parts over it (a
     * shard reads only its own, and keeps only its own inputs; a whole run takes them all in). A
     * shard clears only its own temporary folder, so shards can share OUT_DIR at the same time.
     */
    private Folders prepare() throws IOException {
        Path data = options.dataDir().toRealPath();
        Files.createDirectories(options.outDir());
        Path out = options.outDir().toRealPath();
        Shard shard = options.shard();
        Path tmp = shard == null ? out.resolve(TMP_DIR) : out.resolve(TMP_DIR).resolve("shard-" + shard.index()
                + "-of-" + shard.count());
        FileTrees.delete(tmp);
        Map<String, Manifest.Entry> previous = new TreeMap<>(Manifest.load(out).documents());
        if (shard == null) {
            for (Path part : Manifest.parts(out).values()) {
                previous.putAll(Manifest.loadFile(part).documents());
            }
        } else {
            previous.putAll(Manifest.loadFile(out.resolve(shard.manifestPart())).documents());
            previous.keySet().removeIf(input -> !shard.owns(input));
        }
        Manifest manifest = new Manifest(Perfdoc.generator(), previous);
        return new Folders(data, out, tmp, manifest, new ConcurrentHashMap<>(previous));
    }

    /** This run's inputs (its shard's, or all) by their path relative to DATA_DIR (forward slashes), sorted. */
    private Map<String, Path> discover(Folders f) throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        Map<String, String> byStem = new HashMap<>();
        clashes.clear();
        for (Path input : inputs(f.data(), f.out())) {
            String name = slashed(f.data().relativize(input));
            String first = byStem.putIfAbsent(OutputNames.of(name, Format.PDF), name);
            if (first != null) {
                clashes.put(name, first); // 2024/局.json and 2024/局.xlsx would write the same 2024/局.pdf
            }
            if (options.shard() == null || options.shard().owns(name)) {
                byName.put(name, input);
            }
        }
        return byName;
    }

    /** Renders every input in parallel; the manifest is saved along the way, after the files it names. */
    private List<Outcome> render(Folders f, Map<String, Path> inputs, Progress progress) throws IOException {
        String environment = perfdoc.fingerprint() + "|" + options.formats() + "|pdfa=" + options.render().pdfa();
        progress.started(inputs.size());
        Map<String, Outcome> outcomes = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            ExecutorCompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Map.Entry<String, Path> e : inputs.entrySet()) {
                Manifest.Entry old = f.previous().documents().get(e.getKey());
                done.submit(() -> process(e.getKey(), e.getValue(), old, environment, f));
            }
            long lastSave = System.currentTimeMillis();
            for (int i = 0; i < inputs.size(); i++) {
                Outcome o = take(done);
                outcomes.put(o.entry().input(), o);
                f.entries().put(o.entry().input(), o.entry());
                progress.done(o);
                if (System.currentTimeMillis() - lastSave > MANIFEST_SAVE_MILLIS) {
                    saveQuietly(f, null);
                    lastSave = System.currentTimeMillis();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return inputs.keySet().stream().map(outcomes::get).toList();
    }

    /**
     * The manifest and the index page; what could not be written is reported, not thrown. A shard
     * writes its part of the manifest only: {@link #merge} (or the next whole run) joins the parts.
     */
    private List<String> finish(Folders f, List<Outcome> outcomes) {
        List<String> errors = new ArrayList<>();
        saveQuietly(f, errors);
        if (options.shard() != null) {
            deleteQuietly(f.tmp(), errors);
            return errors;
        }
        try {
            for (Path part : Manifest.parts(f.out()).values()) {
                Files.deleteIfExists(part); // taken in by prepare(): the manifest now holds it
            }
            AtomicFiles.write(f.out().resolve("index.html"),
                    IndexPage.render(perfdoc, outcomes).getBytes(StandardCharsets.UTF_8), f.tmp());
        } catch (IOException e) {
            errors.add("无法写入 index.html：" + e);
        }
        deleteQuietly(f.tmp(), errors);
        return errors;
    }

    /**
     * Joins the manifest parts that the N shards of a batch left in OUT_DIR into its manifest.json and
     * index.html. Every part 0 … N−1 must be there; then the parts are deleted.
     */
    public BatchReport merge() throws IOException {
        long start = System.nanoTime();
        Path out = options.outDir().toRealPath();
        Map<Shard, Path> parts = Manifest.parts(out);
        Set<Integer> counts = new TreeSet<>(parts.keySet().stream().map(Shard::count).toList());
        if (counts.size() != 1) {
            throw new IOException(parts.isEmpty() ? "输出目录中没有分片清单（manifest.shard-I-of-N.json）可合并：" + out
                    : "输出目录中的分片清单来自不同的分片数 " + counts + "，无法合并：" + out);
        }
        int n = counts.iterator().next();
        List<Integer> missing = new ArrayList<>();
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Path part = parts.get(new Shard(i, n));
            if (part == null) {
                missing.add(i);
            } else {
                entries.putAll(Manifest.loadFile(part).documents());
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("分片 " + missing + "（共 " + n + " 片）的清单还没有写出，未合并；请等这些分片完成后再合并");
        }
        Path tmp = out.resolve(TMP_DIR);
        new Manifest(Perfdoc.generator(), entries).save(out, Manifest.FILE, tmp);
        for (Path part : parts.values()) {
            Files.delete(part);
        }
        List<Outcome> outcomes = entries.values().stream().map(e -> new Outcome(e, switch (e.status()) {
            case OK -> Outcome.Kind.RENDERED;
            case INVALID -> Outcome.Kind.INVALID;
            case FAILED -> Outcome.Kind.FAILED;
        }, 0)).toList();
        List<String> errors = new ArrayList<>();
        AtomicFiles.write(out.resolve("index.html"), IndexPage.render(perfdoc, outcomes).getBytes(StandardCharsets.UTF_8),
                tmp);
        deleteQuietly(tmp, errors);
        return new BatchReport(outcomes, List.of(), errors, (System.nanoTime() - start) / 1_000_000);
    }

    /** A manifest that cannot be written costs re-rendering later, never the documents already written. */
    private void saveQuietly(Folders f, List<String> runErrors) {
        String name = options.shard() == null ? Manifest.FILE : options.shard().manifestPart();
        try {
            new Manifest(Perfdoc.generator(), f.entries()).save(f.out(), name, f.tmp());
        } catch (IOException e) {
            if (runErrors != null) {
                runErrors.add("无法写入 " + name + "：" + e);
            }
        }
    }

    private static void deleteQuietly(Path tmp, List<String> errors) {
        try {
            FileTrees.delete(tmp);
        } catch (IOException e) {
            errors.add("无法清理临时目录 " + tmp + "：" + e);
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
    private Outcome process(String name, Path input, Manifest.Entry old, String environment, Folders f) {
        long t0 = System.nanoTime();
        if (clashes.containsKey(name)) {
            String error = name + "：与 " + clashes.get(name) + " 的输出文件同名，未生成；请删去或改名其中一个";
            Manifest.Entry entry = new Manifest.Entry(name, null, null, Manifest.Status.INVALID, null, null, null, null,
                    List.of(), List.of(error), List.of());
            return new Outcome(entry, Outcome.Kind.INVALID, millis(t0));
        }
        try {
            byte[] bytes = Files.readAllBytes(input);
            String sha = Hashes.sha256Hex(bytes);
            String fingerprint = Hashes.sha256Hex((environment + "|" + sha).getBytes(StandardCharsets.UTF_8));
            if (!options.force() && old != null && fingerprint.equals(old.fingerprint()) && intact(old, f.out())
                    && old.status() != Manifest.Status.FAILED) {
                return new Outcome(old, old.status() == Manifest.Status.OK ? Outcome.Kind.UNCHANGED
                        : Outcome.Kind.INVALID, millis(t0));
            }
            ReadResult read = perfdoc.read(options.dataDir().resolve(name).toString(), bytes);
            List<Problem> problems = perfdoc.validate(read);
            List<String> warnings = problems.stream().filter(p -> !p.isError()).map(Problem::toString).toList();
            List<String> errors = problems.stream().filter(Problem::isError).map(Problem::toString).toList();
            TargetDocument doc = read.document();
            if (!errors.isEmpty()) {
                deleteOutputs(old, f.out(), List.of());
                Manifest.Entry entry = new Manifest.Entry(name, sha, fingerprint, Manifest.Status.INVALID,
                        doc == null ? null : doc.department(), null, doc == null || doc.year() == 0 ? null : doc.year(),
                        doc == null ? null : doc.style(), warnings, errors, List.of());
                return new Outcome(entry, Outcome.Kind.INVALID, millis(t0));
            }
            List<Manifest.Output> outputs = new ArrayList<>();
            for (Format format : options.formats()) {
                Rendered r = perfdoc.render(doc, format, options.render());
                String path = OutputNames.of(name, format);
                AtomicFiles.write(inside(f.out(), path), r.bytes(), f.tmp());
                outputs.add(new Manifest.Output(format.extension(), path, Hashes.sha256Hex(r.bytes()), r.bytes().length,
                        r.pages() > 0 ? r.pages() : null, r.conformance()));
            }
            deleteOutputs(old, f.out(), outputs.stream().map(Manifest.Output::path).toList());
            Manifest.Entry entry = new Manifest.Entry(name, sha, fingerprint, Manifest.Status.OK, doc.department(),
                    perfdoc.settings(doc).title(), doc.year(), doc.style(), warnings, List.of(), outputs);
            return new Outcome(entry, Outcome.Kind.RENDERED, millis(t0));
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Manifest.Entry entry = new Manifest.Entry(name, null, null, Manifest.Status.FAILED, null, null, null, null,
                    List.of(), List.of(message), old == null ? List.of() : old.outputs());
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

    /** Forgets the inputs that are gone and deletes their outputs; returns the outputs deleted. */
    private static List<String> removeVanished(Folders f, Set<String> present) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String name : List.copyOf(f.entries().keySet())) {
            if (!present.contains(name)) {
                Manifest.Entry gone = f.entries().remove(name);
                for (Manifest.Output o : gone.outputs()) {
                    if (Files.deleteIfExists(inside(f.out(), o.path()))) {
                        removed.add(o.path());
                    }
                }
            }
        }
        return removed;
    }

    /**
     * Inputs: regular *.json and *.xlsx files below {@code data}, not in hidden folders or in {@code out},
     * sorted; not the {@code ~$name.xlsx} files Excel leaves beside a workbook it has open.
     */
    static List<Path> inputs(Path data, Path out) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(p -> !p.startsWith(out))
                    .filter(p -> data.relativize(p).toString().isEmpty() || !hidden(data.relativize(p)))
                    .filter(p -> isInput(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> slashed(data.relativize(p))))
                    .toList();
        }
    }

    private static boolean isInput(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return (n.endsWith(".json") || n.endsWith(".xlsx")) && !n.startsWith("~$");
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
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

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
