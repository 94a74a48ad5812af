package org.perfdoc.model;

import java.util.List;
import java.util.Objects;

/** A fund-using unit (资金使用单位) and its projects. */
public record Unit(String name, List<Project> projects) {
    public Unit {
        projects = List.copyOf(projects);
    }

    /** The unit's subtotal row: the unrounded sum of its projects. */
    public Amounts totals() {
        return projects.stream().map(Project::amounts).filter(Objects::nonNull)
                .reduce(Amounts.ZERO, Amounts::plus);
    }
}
