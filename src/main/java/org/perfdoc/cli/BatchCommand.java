package org.perfdoc.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import org.perfdoc.batch.BatchOptions;
import org.perfdoc.batch.BatchReport;
import org.perfdoc.batch.BatchRunner;
import org.perfdoc.batch.Outcome;
import org.perfdoc.batch.Progress;
import org.perfdoc.batch.Shard;
import org.perfdoc.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Regenerate every document of DATA_DIR into OUT_DIR: each *.json and *.xlsx below DATA_DIR gives"
                + " OUT_DIR/<same path>.pdf (and .docx), in parallel; a rerun renders only what changed"
                + " (OUT_DIR/manifest.json), removes outputs of deleted inputs and writes OUT_DIR/index.html.",
                "An invalid file is reported at the end and never stops the others.",
                "On several machines: --shard I/N renders only shard I (0 … N−1) of the inputs and writes its part of"
                        + " the manifest; batch --merge OUT_DIR (or the next run without --shard) joins the parts."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATA_DIR", arity = "0..1",
            description = "Folder of input JSON files (searched recursively); with --merge, the output folder.")
    Path dataDir;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT_DIR", description = "Output folder.")
    Path outDir;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
            description = "Render only shard I of N (0 ≤ I < N): a stable split by input path, so that N machines"
                    + " (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX, a shell loop, GNU parallel) share the batch.")
    Shard shard;

    @Option(names = "--merge", description = "Join the manifest parts the shards left in OUT_DIR into one manifest"
            + " and index page; renders nothing.")
    boolean merge;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",", defaultValue = "pdf",
            converter = RenderCommand.FormatConverter.class,
            description = "pdf (default), docx, or both: pdf,docx.")
    List<Format> formats;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Documents rendered at once. Default: the"
            + " number of processors.")
    Integer jobs;

    @Option(names = "--force", description = "Render every document, even those the manifest says are current.")
    boolean force;

    @Mixin
    ReadOptions read;

    @Mixin
    RenderFlags render;

    @Override
    public Integer call() throws IOException {
        if (merge) {
            return merge();
        }
        if (dataDir == null || outDir == null) {
            spec.commandLine().getErr().println("perfdoc: batch needs DATA_DIR and -o OUT_DIR (or --merge OUT_DIR)");
            return ExitCodes.FAILURE;
        }
        if (!Files.isDirectory(dataDir)) {
            spec.commandLine().getErr().println("perfdoc: 数据目录不存在：" + dataDir);
            return ExitCodes.FAILURE;
        }
        Perfdoc perfdoc = read.perfdoc();
        if (formats.contains(Format.HTML)) {
            spec.commandLine().getErr().println("perfdoc: batch writes pdf and docx; use render --format html to preview");
            return ExitCodes.FAILURE;
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        BatchOptions options = new BatchOptions(dataDir, outDir, List.copyOf(new LinkedHashSet<>(formats)), n, force,
                render.options(), shard);
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BatchReport report;
        try (Progress progress = ConsoleProgress.forConsole(log)) {
            report = new BatchRunner(perfdoc, options).run(progress);
        }
        summarize(report);
        return report.exitCode();
    }

    private int merge() throws IOException {
        Path out = outDir != null ? outDir : dataDir;
        if (out == null || !Files.isDirectory(out)) {
            spec.commandLine().getErr().println("perfdoc: --merge needs the output folder the shards wrote: " + out);
            return ExitCodes.FAILURE;
        }
        BatchReport report = new BatchRunner(read.perfdoc(), new BatchOptions(out, out, formats, 1, false)).merge();
        spec.commandLine().getOut().printf("合并了 %d 个文件的清单：%s%n", report.outcomes().size(), out.resolve("manifest.json"));
        report.errors().forEach(m -> spec.commandLine().getErr().println("错误：" + m));
        return report.errors().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE; // the shards reported invalid inputs
    }

    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return Shard.parse(value);
        }
    }

    private void summarize(BatchReport r) {
        PrintWriter err = spec.commandLine().getErr();
        for (Outcome o : r.outcomes()) {
            if (o.kind() == Outcome.Kind.INVALID || o.kind() == Outcome.Kind.FAILED) {
                err.println((o.kind() == Outcome.Kind.INVALID ? "无效：" : "失败：") + o.entry().input());
                o.entry().errors().forEach(m -> err.println("  " + m));
            }
        }
        r.errors().forEach(m -> err.println("错误：" + m));
        spec.commandLine().getOut().printf("共 %d 个文件：生成 %d，未变 %d，无效 %d，失败 %d；删除旧文件 %d 个；用时 %.1f 秒%n",
                r.outcomes().size(), r.count(Outcome.Kind.RENDERED), r.count(Outcome.Kind.UNCHANGED),
                r.count(Outcome.Kind.INVALID), r.count(Outcome.Kind.FAILED), r.removed().size(), r.millis() / 1000.0);
    }
}
