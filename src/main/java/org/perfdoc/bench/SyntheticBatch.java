package org.perfdoc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.perfdoc.Perfdoc;
import org.perfdoc.model.Indicator;
import org.perfdoc.model.Project;
import org.perfdoc.model.TargetDocument;

/**
 * A synthetic annual batch built from the bundled examples' real wording: Guangzhou tables of 5–40
 * projects and Shanghai documents of 2–10 project sheets, 1–12 indicators per project, sizes skewed
 * towards the small as in real departments. The same seed gives the same files.
 */
public final class SyntheticBatch {
    private static final List<String> EXAMPLES = List.of("guangzhou-intermediate-court.json",
            "guangzhou-justice-bureau-2023.json", "shanghai-first-intermediate-court-2020.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Project> guangzhou = new ArrayList<>();
    private final List<Project> shanghai = new ArrayList<>();
    private final List<Indicator> coded = new ArrayList<>();
    private final List<Indicator> grid = new ArrayList<>();
    private final List<String> departments = new ArrayList<>();
    private TargetDocument court;

    /** A generator drawing on the bundled examples, read through {@code perfdoc}. */
    public SyntheticBatch(Perfdoc perfdoc) throws IOException {
        for (String name : EXAMPLES) {
            byte[] json;
            try (InputStream in = SyntheticBatch.class.getResourceAsStream("/examples/" + name)) {
                json = in != null ? in.readAllBytes() : Files.readAllBytes(Path.of("examples", name));
            }
            TargetDocument doc = perfdoc.read(name, json).document();
            if (court == null) {
                court = doc;
            }
            departments.add(doc.department());
            for (Project p : doc.projects()) {
                if (doc.style().equals("shanghai")) {
                    shanghai.add(p);
                    grid.addAll(p.indicators());
                } else {
                    guangzhou.add(p);
                    p.indicators().stream().filter(i -> i.level2() != null).forEach(coded::add);
                }
            }
        }
    }

    /** The Guangzhou Intermediate Court example, the benchmark's single-document reference. */
    public TargetDocument court() {
        return court;
    }

    /** Writes {@code count} documents under {@code dir}/<year>/ and returns their paths. */
    public List<Path> write(Path dir, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean sh = random.nextInt(3) == 0; // a third Shanghai, two thirds Guangzhou
            int year = 2020 + random.nextInt(5);
            Map<String, Object> doc = sh ? shanghaiDocument(random, i, year, 0) : guangzhouDocument(random, i, year, 0);
            Path file = dir.resolve(String.valueOf(year)).resolve(String.format("%s-%05d.json", sh ? "sh" : "gz", i));
            Files.createDirectories(file.getParent());
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
            files.add(file);
        }
        return files;
    }

    /**
     * One large document of {@code projects} projects in {@code style} (each name made unique, spread
     * over ten units), as the JSON file's bytes: the conversion benchmark's input.
     */
    public byte[] large(String style, int projects, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Object> doc = style.equals("shanghai") ? shanghaiDocument(random, 0, 2025, projects)
                : guangzhouDocument(random, 0, 2025, projects);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /** min..max, skewed towards min (most departments are small). */
    private static int skewed(SplittableRandom r, int min, int max) {
        double x = r.nextDouble();
        return min + (int) Math.floor(x * x * (max - min + 1));
    }

    /** A Guangzhou document of {@code count} projects, or of a skewed random number when 0. */
    private Map<String, Object> guangzhouDocument(SplittableRandom r, int i, int year, int count) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("style", "guangzhou");
        doc.put("year", year);
        String department = departments.get(r.nextInt(2)) + "（第" + (i + 1) + "号）";
        doc.put("department", department);
        List<Map<String, Object>> units = new ArrayList<>();
        int projects = count > 0 ? count : skewed(r, 5, 40);
        int unitCount = count > 0 ? 10 : 1 + r.nextInt(Math.min(3, projects));
        for (int u = 0; u < unitCount; u++) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int p = u; p < projects; p += unitCount) {
                Project source = guangzhou.get(r.nextInt(guangzhou.size()));
                Map<String, Object> project = new LinkedHashMap<>();
                project.put("name", count > 0 ? source.name() + "（" + (p + 1) + "）" : source.name());
                BigDecimal fiscal = BigDecimal.valueOf(r.nextLong(1, 500_000), 2);
                Map<String, Object> amounts = new LinkedHashMap<>();
                amounts.put("fiscal", fiscal);
                if (r.nextInt(8) == 0) {
                    amounts.put("other", BigDecimal.valueOf(r.nextLong(1, 50_000), 2));
                }
                project.put("amounts", amounts);
                project.put("goal", source.goal());
                project.put("indicators", indicators(r, coded, true));
                list.add(project);
            }
            units.add(Map.of("name", department.replace("（本级）", "") + (unitCount > 1 ? "第" + (u + 1) + "单位" : ""),
                    "projects", list));
        }
        doc.put("units", units);
        return doc;
    }

    /** A Shanghai document of {@code projects} projects, or of a skewed random number when 0. */
    private Map<String, Object> shanghaiDocument(SplittableRandom r, int i, int year, int projectCount) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("style", "shanghai");
        doc.put("year", year);
        String department = "上海市第" + (i + 1) + "人民法院";
        doc.put("department", department);
        List<Map<String, Object>> projects = new ArrayList<>();
        int count = projectCount > 0 ? projectCount : skewed(r, 2, 10);
        for (int p = 0; p < count; p++) {
            Project s = shanghai.get(r.nextInt(shanghai.size()));
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("name", projectCount > 0 ? s.name() + "（" + (p + 1) + "）" : s.name());
            project.put("category", s.category());
            project.put("startDate", year + "-01-01");
            project.put("endDate", year + "-12-31");
            project.put("governmentPurchase", r.nextBoolean());
            project.put("performanceType", s.performanceType());
            project.put("overview", s.overview());
            project.put("basis", s.basis());
            project.put("necessity", s.necessity());
            project.put("safeguards", s.safeguards());
            project.put("plan", s.plan());
            project.put("goal", s.goal());
            long total = r.nextLong(100_000, 30_000_000);
            long prior = r.nextLong(100_000, 30_000_000);
            project.put("budget", Map.of("total", total, "current", total, "priorYearBudget", prior,
                    "priorYearExecuted", BigDecimal.valueOf(prior).multiply(BigDecimal.valueOf(r.nextInt(80, 101)))
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)));
            project.put("indicators", indicators(r, grid, false));
            projects.add(project);
        }
        doc.put("units", List.of(Map.of("name", department, "projects", projects)));
        return doc;
    }

    /** 1–12 indicators from the pool; grid indicators come sorted by their level so groups are contiguous. */
    private static List<Map<String, Object>> indicators(SplittableRandom r, List<Indicator> pool, boolean withPeriod) {
        int n = skewed(r, 1, 12);
        List<Indicator> picked = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            picked.add(pool.get(r.nextInt(pool.size())));
        }
        if (!withPeriod) {
            List<String> order = pool.stream().map(x -> x.level1() + "/" + x.level2()).distinct().toList();
            picked.sort(Comparator.comparingInt(x -> order.indexOf(x.level1() + "/" + x.level2())));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Indicator x : picked) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level1", x.level1());
            m.put("level2", x.level2());
            m.put("name", x.name());
            if (withPeriod && x.periodValue() != null) {
                m.put("periodValue", x.periodValue());
            }
            m.put("value", x.value());
            out.add(m);
        }
        return out;
    }
}
