package org.perfdoc.pdf;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Line breaking by the Unicode rules (UAX #14, ICU4J) with Chinese tailoring: closing punctuation
 * never starts a line, opening punctuation never ends one, and "值:100%；" stays whole, which is how
 * the published tables wrap. flying-saucer's default breaks after every colon.
 *
 * <p>And nothing is lost to a run that has no break opportunity (a long link, an identifier, a row of
 * digits): flying-saucer asks for the breaks of the text from the start of each line, so the first
 * run also offers a break between every two characters (grapheme clusters: never inside a surrogate
 * pair or before a combining mark). Where the run fits the line, the break after it still fits and is
 * taken, as before; only a run longer than what is left of the line breaks inside. (CSS
 * {@code word-wrap: break-word} would do this in flying-saucer 10.3 but lets the last character of a
 * text overflow its cell: its break-anywhere iterator never measures it.)
 */
final class UnicodeLineBreaking implements LineBreakingStrategy {
    private static final BreakIterator LINES = BreakIterator.getLineInstance(ULocale.SIMPLIFIED_CHINESE);
    private static final BreakIterator CHARACTERS = BreakIterator.getCharacterInstance(ULocale.SIMPLIFIED_CHINESE);

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        BreakIterator lines = (BreakIterator) LINES.clone();
        lines.setText(text);
        int firstRun = lines.next();
        BreakIterator characters = (BreakIterator) CHARACTERS.clone();
        characters.setText(text);
        return new BreakPointsProvider() {
            private boolean inFirstRun = firstRun != BreakIterator.DONE;

            @Override
            public BreakPoint next() {
                if (inFirstRun) {
                    int c = characters.next();
                    if (c != BreakIterator.DONE && c < firstRun) {
                        return new BreakPoint(c);
                    }
                    inFirstRun = false;
                    return new BreakPoint(firstRun);
                }
                int next = lines.next();
                return next == BreakIterator.DONE ? BreakPoint.getDonePoint() : new BreakPoint(next);
            }
        };
    }
}
