package org.perfdoc.validate;

import java.util.List;
import java.util.Optional;

/** Answers whether the fonts a style prints with can draw a character. */
public interface GlyphCoverage {
    /** The name of the first of {@code families} that has no glyph for {@code codePoint}, if any. */
    Optional<String> fontLacking(int codePoint, List<String> families);
}
