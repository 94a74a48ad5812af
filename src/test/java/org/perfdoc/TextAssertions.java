package org.perfdoc;

import static org.junit.jupiter.api.Assertions.fail;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Assertions on text read back from outputs, where line breaks and spacing are the layout's business. */
public final class TextAssertions {
    private TextAssertions() {
    }

    /** Each expected string occurs in the text, whitespace aside, in order. */
    public static void assertInOrder(List<String> expected, String text) {
        String stripped = strip(text);
        int from = 0;
        for (String e : expected) {
            int at = stripped.indexOf(strip(e), from);
            if (at < 0) {
                fail("not found in order: \"" + e + "\"\n after: …"
                        + stripped.substring(Math.max(0, from - 80), Math.min(stripped.length(), from + 200)));
            }
            from = at + strip(e).length();
        }
    }

    /** Each expected string occurs in order, and as often in the text as the expectations contain it. */
    public static void assertInOrderExactlyOnce(List<String> expected, List<String> lines) {
        String text = strip(String.join("", lines));
        assertInOrder(expected, text);
        for (String e : expected) {
            String s = strip(e);
            long wanted = expected.stream().filter(x -> strip(x).contains(s)).count();
            long found = occurrences(text, s);
            if (found != wanted) {
                fail("\"" + e + "\" printed " + found + " times, expected " + wanted);
            }
        }
    }

    /** {@code s} without whitespace. */
    public static String strip(String s) {
        return s.replaceAll("\\s", "");
    }

    /** NFC, without any whitespace or space character: line breaks and justification only move characters. */
    public static String squeeze(String s) {
        StringBuilder sb = new StringBuilder();
        Normalizer.normalize(s, Normalizer.Form.NFC).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** {@link #squeeze} without combining marks, for readers that place marks apart from their letters. */
    public static String withoutMarks(String s) {
        return squeeze(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
    }

    /** Consecutive equal entries once: merged cells and their repeats read as one. */
    public static List<String> collapse(List<String> xs) {
        List<String> out = new ArrayList<>();
        for (String x : xs) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static long occurrences(String text, String s) {
        long n = 0;
        for (int at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length())) {
            n++;
        }
        return n;
    }
}
