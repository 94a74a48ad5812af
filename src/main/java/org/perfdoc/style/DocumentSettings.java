package org.perfdoc.style;

/**
 * A document's settings after its style's defaults fill what it left out: what is printed, and how.
 * {@link Style#settings} is the one place this is decided, for the validator, the renderer and the batch.
 *
 * @param title           the document's title, or the style's
 * @param amountUnit      the unit of every amount (万元, 元), the document's or the style's
 * @param indicatorFormat the indicator format the document names, or the style's default; null when the
 *                        document names one the style does not have (validation refuses it)
 * @param pdfa            whether its PDF is archival PDF/A-2u unless a run says otherwise (the style's choice)
 */
public record DocumentSettings(String title, String amountUnit, IndicatorFormat indicatorFormat, boolean pdfa) {
}
