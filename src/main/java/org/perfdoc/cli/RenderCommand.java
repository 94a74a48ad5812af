package org.perfdoc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.Format;
import org.perfdoc.render.Rendered;
import org.perfdoc.write.AtomicFiles;
import org.perfdoc.write.OutputNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render each input file to DIR/<input name>.<format>. Invalid files are reported and"
                + " skipped; the others are still written.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input files: JSON, or .xlsx workbooks (perfdoc template).")
    List<Path> files;

    @Mixin
    ReadOptions read;

    @Mixin
    RenderFlags render;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Output folder (created if needed). Default: the current folder.")
    Path outputDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",", defaultValue = "pdf",
            converter = FormatConverter.class,
            description = "pdf (default), docx (editable Word draft), xlsx (the workbook to edit), json, or html"
                    + " (the intermediate XHTML, with the fonts, for previewing templates in a browser); several"
                    + " with commas: pdf,docx.")
    List<Format> formats;

    @Override
    public Integer call() throws IOException {
        Perfdoc perfdoc = read.perfdoc();
        int exit = ExitCodes.OK;
        Set<Format> wanted = new LinkedHashSet<>(formats);
        for (Path file : files) {
            ReadResult read = InputFiles.readValid(perfdoc, file, spec.commandLine().getErr());
            if (read == null) {
                exit = ExitCodes.INVALID_INPUT;
                continue;
            }
            for (Format format : wanted) {
                Rendered rendered = perfdoc.render(read.document(), format, render.options());
                Path target = outputDir.resolve(OutputNames.of(file.getFileName().toString(), format));
                if (Files.exists(target) && Files.isSameFile(target, file)) {
                    throw new IOException("输出文件 " + target + " 就是输入文件，拒绝覆盖");
                }
                write(target, rendered.bytes());
                if (format == Format.HTML) {
                    writePreviewFonts(perfdoc, read);
                }
                spec.commandLine().getOut().println(target + (rendered.pages() > 0 ? "（" + rendered.pages() + " 页"
                        + (rendered.conformance() == null ? "" : "，" + rendered.conformance()) + "）" : ""));
            }
        }
        return exit;
    }

    private void writePreviewFonts(Perfdoc perfdoc, ReadResult read) throws IOException {
        Map<String, byte[]> assets = perfdoc.previewAssets(read.document().style());
        for (Map.Entry<String, byte[]> a : assets.entrySet()) {
            Path target = outputDir.resolve(a.getKey());
            if (!Files.exists(target) || Files.size(target) != a.getValue().length) {
                write(target, a.getValue());
            }
        }
    }

    /** Writes atomically; a folder that is missing, read-only or not a folder gets a plain message. */
    static void write(Path target, byte[] bytes) throws IOException {
        try {
            AtomicFiles.write(target, bytes);
        } catch (FileSystemException e) {
            String why = e instanceof AccessDeniedException ? "没有写权限（目录只读？）"
                    : e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                    ? "路径中有同名文件挡住了输出目录" : String.valueOf(e.getReason() == null ? e.getMessage() : e.getReason());
            throw new IOException("无法写入 " + target + "：" + why + "；没有留下不完整的文件", e);
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value);
        }
    }
}
