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
    /**
     * One pair of iterators per layout thread, lent to the provider that used it last: flying-saucer
     * asks for a provider at every line start, and a clone of ICU's iterators (their break caches) was
     * a sixth of all the memory a document allocated.
     */
    private static final ThreadLocal<Iterators> ITERATORS = ThreadLocal.withInitial(Iterators::new);

    private static final class Iterators {
        final BreakIterator lines = (BreakIterator) LINES.clone();
        final BreakIterator characters = (BreakIterator) CHARACTERS.clone();
        Provider owner;
    }

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        return new Provider(text, ITERATORS.get());
    }

    private static final class Provider implements BreakPointsProvider {
        private final String text;
        private final Iterators iterators;
        private final int firstRun;
        private boolean inFirstRun;
        private int at; // the last break returned

        Provider(String text, Iterators iterators) {
            this.text = text;
            this.iterators = iterators;
            claim();
            firstRun = iterators.lines.next();
            inFirstRun = firstRun != BreakIterator.DONE;
        }

        /** Takes the iterators, set to this provider's text at its start. */
        private void claim() {
            iterators.owner = this;
            iterators.lines.setText(text);
            iterators.characters.setText(text);
        }

        @Override
        public BreakPoint next() {
            if (iterators.owner != this) {
                // another provider used them: back to where this one left off (isBoundary leaves an
                // iterator at that boundary)
                claim();
                iterators.lines.isBoundary(inFirstRun ? firstRun : at);
                if (inFirstRun) {
                    iterators.characters.isBoundary(at);
                }
            }
            if (inFirstRun) {
                int c = iterators.characters.next();
                if (c != BreakIterator.DONE && c < firstRun) {
                    return point(c);
                }
                inFirstRun = false;
                return point(firstRun);
            }
            int next = iterators.lines.next();
            return next == BreakIterator.DONE ? BreakPoint.getDonePoint() : point(next);
        }

        private BreakPoint point(int position) {
            at = position;
            return new BreakPoint(position);
        }
    }
}
