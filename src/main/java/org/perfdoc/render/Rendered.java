package org.perfdoc.render;

/**
 * One rendered output.
 *
 * @param format      the format of {@code bytes}
 * @param bytes       the complete file
 * @param pages       page count (0 for formats without pages)
 * @param conformance the archival standard a PDF meets ({@code PDF/A-2u}), or null
 */
public record Rendered(Format format, byte[] bytes, int pages, String conformance) {
}
