package org.perfdoc.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes whole files or nothing: the bytes go to a temporary file in the target's own folder, are
 * forced to disk, then renamed over the target. A crash at any moment leaves either the old file or
 * the new one, never a half-written PDF. The file gets the mode any ordinary write gets (0666 less
 * the umask: 0644 under the usual 022), so a web server running as another user can publish it;
 * {@link Files#createTempFile} would make it 0600.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} as the whole of {@code target}, creating its folders, atomically. */
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
        Path tmp = newPart(tmpDir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
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

    /** A new empty file beside the others in {@code dir}, created with no explicit mode: the umask applies. */
    private static Path newPart(Path dir, String name) throws IOException {
        while (true) {
            Path part = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                Files.newByteChannel(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return part;
            } catch (FileAlreadyExistsException taken) {
                // another writer's part: draw another name
            }
        }
    }
}
