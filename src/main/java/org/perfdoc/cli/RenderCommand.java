package org.perfdoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.perfdoc.Perfdoc;
import org.perfdoc.read.ReadResult;
import org.perfdoc.render.DocumentRenderer;
import org.perfdoc.render.FontLibrary;
import org.perfdoc.render.Format;
import org.perfdoc.render.Rendered;
import org.perfdoc.write.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render each input file to DIR/<input name>.<format>. Invalid files are reported and"
                + " skipped; the others are still written.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Output folder (created if needed). Default: the current folder.")
    Path outputDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", split = ",", defaultValue = "pdf",
            converter = FormatConverter.class,
            description = "pdf (default), docx (editable Word draft) or html (the intermediate XHTML, with"
                    + " the fonts, for previewing templates in a browser); several with commas: pdf,docx.")
    List<Format> formats;

    @Override
    public Integer call() throws IOException {
        Perfdoc perfdoc = input.perfdoc();
        int exit = ExitCodes.OK;
        Set<Format> wanted = new LinkedHashSet<>(formats);
        for (Path file : input.files) {
            ReadResult read = InputFiles.readValid(perfdoc, file, spec.commandLine().getErr());
            if (read == null) {
                exit = ExitCodes.INVALID_INPUT;
                continue;
            }
            for (Format format : wanted) {
                Rendered rendered = perfdoc.render(read.document(), format);
                Path target = outputDir.resolve(baseName(file) + "." + format.extension());
                if (Files.exists(target) && Files.isSameFile(target, file)) {
                    throw new IOException("输出文件 " + target + " 就是输入文件，拒绝覆盖");
                }
                AtomicFiles.write(target, rendered.bytes());
                if (format == Format.HTML) {
                    writePreviewFonts(perfdoc, read);
                }
                spec.commandLine().getOut().println(target + (rendered.pages() > 0 ? "（" + rendered.pages() + " 页）" : ""));
            }
        }
        return exit;
    }

    private void writePreviewFonts(Perfdoc perfdoc, ReadResult read) throws IOException {
        List<String> families = perfdoc.styleFonts(read.document().style());
        Map<String, byte[]> assets = FontLibrary.bundled().previewAssets(families, DocumentRenderer.FONT_CSS);
        for (Map.Entry<String, byte[]> a : assets.entrySet()) {
            Path target = outputDir.resolve(a.getKey());
            if (!Files.exists(target) || Files.size(target) != a.getValue().length) {
                AtomicFiles.write(target, a.getValue());
            }
        }
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value);
        }
    }
}
