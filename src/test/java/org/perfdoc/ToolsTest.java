package org.perfdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ToolsTest {
    @Test
    void aMissingToolSkipsLocallyAndFailsUnderCi() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Tools.require(false, "a check", "perfdoc-no-such-tool"));
        assertTrue(skipped.getMessage().contains("perfdoc-no-such-tool not found on PATH: a check"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Tools.require(true, "a check", "perfdoc-no-such-tool"));
        assertTrue(failed.getMessage().contains("CI=true"), failed.getMessage());
    }

    @Test
    void aToolOnPathIsFoundByName() {
        assertEquals(Tools.find("sh"), Tools.require(true, "a shell", "perfdoc-no-such-tool", "sh"));
    }
}
