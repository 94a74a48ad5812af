package org.perfdoc.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes whole files or nothing: the bytes go to a temporary file in the target's own folder, are
 * forced to disk, then renamed over the target. A crash at any moment leaves either the old file or
 * the new one, never a half-written PDF.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, target.toAbsolutePath().getParent());
    }

    /**
     * Like {@link #write(Path, byte[])} with the temporary file in {@code tmpDir}, which must be on the
     * target's file system (the batch keeps them in one folder it cleans at start).
     */
    public static void write(Path target, byte[] bytes, Path tmpDir) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, "." + target.getFileName(), ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
