package org.perfdoc.model;

import java.util.List;

/**
 * One input file: the performance targets of one department for one year, rendered as one document.
 * Optional fields that the input left out are null here; the style supplies their defaults.
 *
 * @param style           the layout, e.g. {@code guangzhou}
 * @param year            budget year
 * @param department      部门名称
 * @param title           document title, or null for the style's default
 * @param amountUnit      unit of every amount, or null for the style's default (万元 / 元)
 * @param indicatorFormat the name of one of the style's indicator formats, or null for the style's default
 * @param note            footnote under the table, or null
 * @param units           资金使用单位, in print order
 */
public record TargetDocument(String style, int year, String department, String title, String amountUnit,
                             String indicatorFormat, String note, List<Unit> units) {
    public TargetDocument {
        units = List.copyOf(units);
    }

    /** The 合计 row: the unrounded sum of every project. */
    public Amounts totals() {
        return units.stream().map(Unit::totals).reduce(Amounts.ZERO, Amounts::plus);
    }

    /** Every project of every unit, in print order. */
    public List<Project> projects() {
        return units.stream().flatMap(u -> u.projects().stream()).toList();
    }
}
