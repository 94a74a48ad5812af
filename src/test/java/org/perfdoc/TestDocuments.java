package org.perfdoc;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.perfdoc.model.Amounts;
import org.perfdoc.model.Budget;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;
import org.perfdoc.model.Unit;
import org.perfdoc.problems.Locations;
import org.perfdoc.problems.Problems;
import org.perfdoc.read.ReadResult;

/** Documents the tests make: the Shanghai example, sheets of given targets, hostile text in every field. */
public final class TestDocuments {
    private TestDocuments() {
    }

    /** A document built in memory, as if read from a file named {@code name} without problems. */
    public static ReadResult asRead(String name, TargetDocument doc) {
        return new ReadResult(doc, new Problems(Locations.none(name)));
    }

    /** The Shanghai example (four sheets), read and checked to be valid. */
    public static TargetDocument shanghaiExample() {
        ReadResult read = Examples.read(Path.of("examples/shanghai-first-intermediate-court-2020.json"));
        if (!Examples.PERFDOC.validate(read).isEmpty()) {
            throw new AssertionError(Examples.PERFDOC.validate(read).toString());
        }
        return read.document();
    }

    /** A complete Shanghai sheet named {@code name} with {@code indicators} and one-word narratives. */
    public static Project shanghaiSheet(String name, List<Indicator> indicators) {
        return new Project(name, null, "目标", indicators, "其他一次性项目", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31), true, "其他类", "概况", "依据", "必要性", "措施", "计划",
                new Budget(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
    }

    /** Text of one of the kinds that do not break by themselves, or that break rarely. */
    public static String unbreakable(SplittableRandom r, int length) {
        return switch (r.nextInt(6)) {
            case 0 -> "详见 https://czj.gz.gov.cn/" + letters(r, length);
            case 1 -> digits(r, length);
            case 2 -> "https://czj.gz.gov.cn/gkmlpt/content/" + digits(r, 10) + "/post_" + digits(r, 10) + ".html";
            case 3 -> "项目编号" + letters(r, length / 2) + "经费" + digits(r, length / 2);
            case 4 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    sb.append((char) ('a' + r.nextInt(26))).append("\u0301\u0304\u030C".charAt(r.nextInt(3)));
                }
                yield sb.toString();
            }
            default -> "绩效目标" + letters(r, 12) + "，" + digits(r, 8) + "。";
        };
    }

    public static String letters(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26)));
        }
        return sb.toString();
    }

    public static String digits(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    public static String field(SplittableRandom r, int longest) {
        return unbreakable(r, r.nextBoolean() ? 40 + r.nextInt(200) : Math.min(longest, 400 + r.nextInt(2600)));
    }

    public static TargetDocument hostile(SplittableRandom r, boolean shanghai) {
        return hostile(r, shanghai, 3000);
    }

    /** A valid document whose every field is unbreakable text of up to {@code longest} characters. */
    public static TargetDocument hostile(SplittableRandom r, boolean shanghai, int longest) {
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < 1 + r.nextInt(3); p++) {
            List<Indicator> indicators = new ArrayList<>();
            String[][] levels = shanghai ? new String[][] {{"产出目标", "数量"}, {"效果目标", "满意度"}}
                    : new String[][] {{"产出指标", "数量指标"}, {"满意度指标", "服务对象满意度"}};
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                String[] level = levels[i % levels.length];
                indicators.add(new Indicator(level[0], level[1], field(r, longest), shanghai ? null : field(r, longest), field(r, longest)));
            }
            BigDecimal big = new BigDecimal("9".repeat(1 + r.nextInt(14)) + ".99");
            if (shanghai) {
                projects.add(new Project(field(r, longest), null, field(r, longest), indicators, field(r, longest), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31), r.nextBoolean(), field(r, longest), field(r, longest), field(r, longest), field(r, longest), field(r, longest),
                        field(r, longest), new Budget(big, big, big, big)));
            } else {
                projects.add(new Project(field(r, longest), new Amounts(big, big, big, null), field(r, longest), indicators));
            }
        }
        String unit = field(r, longest);
        return new TargetDocument(shanghai ? "shanghai" : "guangzhou", 2024, field(r, longest), field(r, longest),
                unbreakable(r, 30 + r.nextInt(60)), null, shanghai ? null : field(r, longest),
                List.of(new Unit(unit, projects)));
    }
}
