package org.perfdoc.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/out.pdf");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        AtomicFiles.write(target, new byte[] {4});
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoPart() throws IOException {
        Path target = dir.resolve("out.pdf");
        AtomicFiles.write(target, new byte[] {1});
        Files.createDirectory(dir.resolve("blocker"));
        // The target is a non-empty folder: the rename fails after the bytes were written.
        Files.writeString(dir.resolve("blocker/x"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("blocker"), new byte[] {2}));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "only out.pdf and blocker");
        }
    }
}
