package org.perfdoc.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Examples;
import org.perfdoc.TestDocuments;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.read.ReadResult;

/**
 * Every character of every printed field appears in the PDF's text layer, in order, inside its cell
 * (see {@link LaidOutText}): for the examples, and for documents whose every field is text that does
 * not break by itself (a link followed by 3,000 letters, 400 digits, letters with combining marks).
 */
class NothingLostTest {
    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-intermediate-court.json", "guangzhou-justice-bureau-2023.json",
            "shanghai-first-intermediate-court-2020.json"})
    void theExamplesLoseNothing(String file) throws IOException {
        assertEquals(List.of(), LaidOutText.losses(Examples.read(Path.of("examples", file)).document()));
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 12).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void unbreakableTextInEveryFieldIsWrappedNotClipped(int seed) throws IOException {
        TargetDocument doc = TestDocuments.hostile(new SplittableRandom(seed), seed % 2 == 1);
        ReadResult read = TestDocuments.asRead("hostile", doc);
        assertEquals(List.of(), Examples.PERFDOC.validate(read).stream().filter(p -> p.isError()).toList(),
                "the document is valid");
        assertEquals(List.of(), LaidOutText.losses(doc));
    }
}
