package org.perfdoc.render;

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
 */
final class UnicodeLineBreaking implements LineBreakingStrategy {
    private static final BreakIterator PROTOTYPE = BreakIterator.getLineInstance(ULocale.SIMPLIFIED_CHINESE);

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        BreakIterator it = (BreakIterator) PROTOTYPE.clone();
        it.setText(text);
        return () -> {
            int next = it.next();
            return next == BreakIterator.DONE ? BreakPoint.getDonePoint() : new BreakPoint(next);
        };
    }
}
