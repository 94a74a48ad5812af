package org.perfdoc.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** Reading an input file's bytes within the size limit, for either reader; failures are problems. */
final class InputFile {
    private InputFile() {
    }

    /**
     * The result of {@code reader} on the bytes of {@code file}, or of {@code refused} (file name,
     * message) when the file is too large or cannot be read.
     */
    static ReadResult read(Path file, Limits limits, BiFunction<String, byte[], ReadResult> reader,
                           BiFunction<String, String, ReadResult> refused) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxInputBytes()) {
                return refused.apply(name, tooLarge(size, limits));
            }
            return reader.apply(name, Files.readAllBytes(file));
        } catch (IOException e) {
            return refused.apply(name, "无法读取文件：" + e.getMessage());
        }
    }

    /** The message for a file of {@code size} bytes over the limit, naming the option that raises it. */
    static String tooLarge(long size, Limits limits) {
        return String.format("文件大小 %.1f MB，超过上限 %.1f MB（确有需要可用 --max-input-mb 调整）",
                size / 1048576.0, limits.maxInputBytes() / 1048576.0);
    }
}
