package org.perfdoc.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One project (项目) of a fund-using unit. Which fields a style needs is in its {@code style.json};
 * the others are null.
 *
 * @param name               项目名称
 * @param amounts            the project's money by source (Guangzhou); null when not given
 * @param goal               绩效目标 / 总目标及阶段性目标; paragraphs separated by newlines
 * @param indicators         绩效指标, in input order
 * @param category           项目类别
 * @param startDate          计划开始日期
 * @param endDate            计划完成日期
 * @param governmentPurchase 是否含有政府购买服务
 * @param performanceType    绩效类型
 * @param overview           项目概况
 * @param basis              立项依据
 * @param necessity          项目设立的必要性
 * @param safeguards         保证项目实施的制度、措施
 * @param plan               项目实施计划
 * @param budget             本项目上年度市级财政资金使用情况 (Shanghai)
 */
public record Project(String name, Amounts amounts, String goal, List<Indicator> indicators,
                      String category, LocalDate startDate, LocalDate endDate, Boolean governmentPurchase,
                      String performanceType, String overview, String basis, String necessity,
                      String safeguards, String plan, Budget budget) {
    public Project {
        indicators = List.copyOf(indicators);
    }

    /** A project with only the fields of the Guangzhou table. */
    public Project(String name, Amounts amounts, String goal, List<Indicator> indicators) {
        this(name, amounts, goal, indicators, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The indicators grouped by 一级 then 二级, each group where its first indicator stood and the
     * indicators of a group in input order (a stable grouping).
     */
    public List<Indicator> indicatorsGrouped() {
        Map<String, Map<String, List<Indicator>>> groups = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            groups.computeIfAbsent(String.valueOf(i.level1()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(String.valueOf(i.level2()), k -> new ArrayList<>()).add(i);
        }
        return groups.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream).toList();
    }
}
