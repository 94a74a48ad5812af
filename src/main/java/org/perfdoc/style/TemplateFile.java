package org.perfdoc.style;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a template root, found by its name under the root ({@code guangzhou/style.json}):
 * a file in a folder, or one of the templates packed in perfdoc's jar.
 */
public sealed interface TemplateFile {
    /** The name under its root, with forward slashes. */
    String name();

    /** Its bytes, read now. */
    InputStream open() throws IOException;

    /** All its bytes. */
    default byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** When it last changed (milliseconds since the epoch), or -1 when that cannot be told. */
    long lastModified();

    /** A file in a template folder on disk. */
    record InFolder(String name, Path path) implements TemplateFile {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public long lastModified() {
            try {
                return Files.getLastModifiedTime(path).toMillis();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A template packed in the jar, read into memory with the others when the jar's templates were first used. */
    final class Packed implements TemplateFile {
        private final String name;
        private final byte[] bytes;
        private final long lastModified;

        Packed(String name, byte[] bytes, long lastModified) {
            this.name = name;
            this.bytes = bytes;
            this.lastModified = lastModified;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public long lastModified() {
            return lastModified;
        }

        @Override
        public String toString() {
            return "templates/" + name + " (in perfdoc.jar)";
        }
    }
}
