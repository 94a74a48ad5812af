package org.perfdoc.model;

import java.util.List;

/**
 * One project (项目) of a fund-using unit.
 *
 * @param name       项目名称
 * @param amounts    the project's money
 * @param goal       绩效目标; paragraphs separated by newlines
 * @param indicators 绩效指标, in the order they are printed
 */
public record Project(String name, Amounts amounts, String goal, List<Indicator> indicators) {
    public Project {
        indicators = List.copyOf(indicators);
    }
}
