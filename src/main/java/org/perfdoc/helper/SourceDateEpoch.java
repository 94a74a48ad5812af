package org.perfdoc.helper;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code SOURCE_DATE_EPOCH} (reproducible-builds.org): the one date perfdoc may write into a file.
 * Without it, outputs carry no date at all, so the same input gives the same bytes on any day.
 */
public final class SourceDateEpoch {
    private SourceDateEpoch() {
    }

    /** The date the environment sets, if any. */
    public static Optional<Instant> fromEnvironment() {
        return parse(System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** {@code value} (seconds since 1970, UTC) as an instant; absent when null or blank. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, "
                    + "such as 1700000000; it is \"" + value + "\"", e);
        }
    }
}
