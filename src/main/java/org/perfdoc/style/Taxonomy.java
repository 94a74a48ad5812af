package org.perfdoc.style;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicator levels a region accepts (一级 → 二级), with the codes printed in coded lines. Loaded
 * from the style's data file so that a region with other names or codes changes data, not code.
 *
 * @param levels         the first-level entries, in order
 * @param unknownLevel2  "error" or "warning": how to treat a second level the list does not know
 */
public record Taxonomy(List<Level> levels, String unknownLevel2) {

    /** One level with its code and, for a first level, its allowed second levels. */
    public record Level(String name, String code, List<Level> children) {
        public Level {
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** The second level named {@code childName}, if this first level has it. */
        public Optional<Level> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        /** The names of the second levels, in order. */
        public List<String> childNames() {
            return children.stream().map(Level::name).toList();
        }
    }

    public Taxonomy {
        levels = List.copyOf(levels);
        unknownLevel2 = unknownLevel2 == null ? "error" : unknownLevel2;
    }

    /** The first level named {@code name}, if any. */
    public Optional<Level> level1(String name) {
        return levels.stream().filter(l -> l.name.equals(name)).findFirst();
    }

    /** The names of the first levels, in order. */
    public List<String> level1Names() {
        return levels.stream().map(Level::name).toList();
    }

    /** Whether a second level the list does not know is an error (else a warning). */
    public boolean unknownLevel2IsError() {
        return !"warning".equals(unknownLevel2);
    }

    /** Codes by name for templates: {@code 产出指标 → 1} and {@code 产出指标/数量指标 → 11}. */
    public Map<String, String> codes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Level l : levels) {
            codes.put(l.name, l.code);
            for (Level c : l.children) {
                codes.put(l.name + "/" + c.name, c.code);
            }
        }
        return codes;
    }
}
