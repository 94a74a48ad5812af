package org.perfdoc.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;

/**
 * A batch split over N machines: N = 1, 3 and 7 shards of the same data give the same outputs and,
 * once merged, the same manifest and index page as one whole run.
 */
class ShardTest {
    @TempDir
    Path tmp;

    /** 16 documents in two year folders, one of them invalid. */
    Path data() throws IOException {
        Path data = tmp.resolve("data");
        String court = Files.readString(Examples.COURT);
        for (int i = 0; i < 15; i++) {
            Path file = data.resolve((2023 + i % 2) + "/部门" + i + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, court.replace("广东省广州市中级人民法院（本级）", "部门" + i));
        }
        Files.writeString(data.resolve("2024/坏文件.json"), "{");
        return data;
    }

    BatchReport run(Path data, Path out, Shard shard) throws IOException {
        return new BatchRunner(Examples.PERFDOC, new BatchOptions(data, out, List.of(Format.PDF, Format.DOCX), 2,
                false, RenderOptions.DEFAULT, shard)).run(Progress.NONE);
    }

    static Map<String, byte[]> files(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(BatchRunner.slashed(out.relativize(f)), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void shardsThenMergeEqualOneWholeRun(int n) throws IOException {
        Path data = data();
        Path whole = tmp.resolve("whole");
        run(data, whole, null);
        Path sharded = tmp.resolve("sharded-" + n);
        Set<String> seen = new HashSet<>();
        int inputs = 0;
        for (int i = 0; i < n; i++) {
            BatchReport part = run(data, sharded, new Shard(i, n));
            for (Outcome o : part.outcomes()) {
                assertTrue(seen.add(o.entry().input()), o.entry().input() + " is in two shards");
            }
            inputs += part.outcomes().size();
            assertTrue(Files.exists(sharded.resolve("manifest.shard-" + i + "-of-" + n + ".json")));
        }
        assertEquals(16, inputs, "every input falls in exactly one shard");
        new BatchRunner(Examples.PERFDOC, new BatchOptions(sharded, sharded, List.of(Format.PDF), 1, false)).merge();
        Map<String, byte[]> expected = files(whole);
        Map<String, byte[]> actual = files(sharded);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
    }

    @Test
    void theSplitDependsOnlyOnThePathAndCoversEveryPathOnce() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            paths.add("2024/区" + (i % 13) + "/部门" + i + ".json");
        }
        for (int n : new int[] {1, 2, 3, 7, 64}) {
            int[] sizes = new int[n];
            for (String p : paths) {
                int owners = 0;
                for (int i = 0; i < n; i++) {
                    if (new Shard(i, n).owns(p)) {
                        owners++;
                        sizes[i]++;
                    }
                }
                assertEquals(1, owners, p);
            }
            for (int size : sizes) {
                assertTrue(size > 1000 / n / 2, "shards are of similar size: " + Arrays.toString(sizes));
            }
        }
        // a fixed answer for a fixed path: the split does not depend on the machine or the run
        assertTrue(new Shard(0, 3).owns("2024/部门0.json") || new Shard(1, 3).owns("2024/部门0.json")
                || new Shard(2, 3).owns("2024/部门0.json"));
    }

    @Test
    void aMergeWithAShardMissingIsRefusedAndAWholeRunTakesThePartsIn() throws IOException {
        Path data = data();
        Path out = tmp.resolve("out");
        run(data, out, new Shard(0, 3));
        run(data, out, new Shard(2, 3));
        IOException missing = assertThrows(IOException.class, () -> new BatchRunner(Examples.PERFDOC,
                new BatchOptions(out, out, List.of(Format.PDF), 1, false)).merge());
        assertTrue(missing.getMessage().contains("分片 [1]（共 3 片）的清单还没有写出"), missing.getMessage());
        BatchReport whole = run(data, out, null);
        assertEquals(Manifest.load(out).documents().size(), 16);
        assertTrue(whole.count(Outcome.Kind.UNCHANGED) > 0, "what the shards rendered is kept");
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("manifest.shard-")));
        }
    }

    @Test
    void theCommandLineShardsAndMerges() throws IOException {
        Path data = data();
        Path out = tmp.resolve("cli");
        Set<Integer> codes = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Cli.Run r = Cli.run("batch", data.toString(), "-o", out.toString(), "--shard", i + "/2", "--format", "pdf");
            codes.add(r.code());
        }
        assertEquals(Set.of(0, 2), codes, "the shard with the invalid file says so, the other is clean");
        Cli.Run merged = Cli.run("batch", "--merge", out.toString());
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("合并了 16 个文件的清单"), merged.out());
        assertTrue(Files.readString(out.resolve("index.html")).contains("共 16 个文件"));
        Cli.Run bad = Cli.run("batch", data.toString(), "-o", out.toString(), "--shard", "3/3");
        assertEquals(1, bad.code(), "a usage error, as for any bad option: " + bad.err());
        assertTrue(bad.err().contains("a shard is I/N with 0 ≤ I < N"), bad.err());
    }
}
