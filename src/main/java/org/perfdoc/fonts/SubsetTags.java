package org.perfdoc.fonts;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Makes the six-letter font subset tags (ABCDEF+Font) reproducible. OpenPDF draws them from the
 * font's random source while writing, and fonts are shared between renders, so the source is one
 * object whose sequence is per thread and restarted from a seed before each document.
 */
public final class SubsetTags {
    static final Random RANDOM = new Random();

    private SubsetTags() {
    }

    /** Restarts this thread's sequence of subset tags from {@code seed}: call it before writing each document. */
    public static void seed(long seed) {
        RANDOM.sequence.set(new SplittableRandom(seed));
    }

    static final class Random extends SecureRandom {
        private final transient ThreadLocal<SplittableRandom> sequence =
                ThreadLocal.withInitial(() -> new SplittableRandom(0));

        @Override
        public void nextBytes(byte[] bytes) {
            sequence.get().nextBytes(bytes);
        }

        @Override
        public double nextDouble() {
            return sequence.get().nextDouble();
        }
    }
}
