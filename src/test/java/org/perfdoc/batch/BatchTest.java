package org.perfdoc.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Examples;
import org.perfdoc.helper.Hashes;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;

class BatchTest {
    @TempDir
    Path tmp;

    /** DATA_DIR with the three examples in two year folders and one invalid file. */
    Path data() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("2024"));
        Files.createDirectories(data.resolve("2020"));
        Files.copy(Examples.COURT, data.resolve("2024/市中级人民法院.json"));
        Files.copy(Examples.JUSTICE, data.resolve("2024/市司法局.json"));
        Files.copy(Path.of("examples/shanghai-first-intermediate-court-2020.json"), data.resolve("2020/一中院.json"));
        return data;
    }

    static BatchReport run(Path data, Path out, int jobs, boolean force) throws IOException {
        BatchOptions o = new BatchOptions(data, out, List.of(Format.PDF, Format.DOCX), jobs, force);
        return new BatchRunner(Examples.PERFDOC, o).run(Progress.NONE);
    }

    /** Every file below {@code dir} (but the index and manifest, which carry timings and order), by path. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = BatchRunner.slashed(dir.relativize(p));
                if (!rel.equals("index.html") && !rel.equals("manifest.json")) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    @Test
    void outputsMirrorTheInputTreeAndParallelEqualsSerialByteForByte() throws IOException {
        Path data = data();
        BatchReport parallel = run(data, tmp.resolve("p"), 2, false);
        BatchReport serial = run(data, tmp.resolve("s"), 1, false);
        assertEquals(0, parallel.exitCode());
        assertEquals(0, serial.exitCode());
        assertEquals(3, parallel.count(Outcome.Kind.RENDERED));
        Map<String, byte[]> p = files(tmp.resolve("p"));
        Map<String, byte[]> s = files(tmp.resolve("s"));
        assertEquals(List.of("2020/一中院.docx", "2020/一中院.pdf", "2024/市中级人民法院.docx", "2024/市中级人民法院.pdf",
                "2024/市司法局.docx", "2024/市司法局.pdf"), List.copyOf(p.keySet()));
        assertEquals(p.keySet(), s.keySet());
        p.forEach((name, bytes) -> assertArrayEquals(bytes, s.get(name), name));
    }

    @Test
    void aRerunWithNoChangeRendersNothingAndChangingOneInputRerendersExactlyThatOne() throws IOException {
        Path data = data();
        Path out = tmp.resolve("out");
        run(data, out, 2, false);
        Map<String, byte[]> before = files(out);

        BatchReport again = run(data, out, 2, false);
        assertEquals(3, again.count(Outcome.Kind.UNCHANGED));
        assertEquals(0, again.count(Outcome.Kind.RENDERED));

        Path justice = data.resolve("2024/市司法局.json");
        Files.writeString(justice, Files.readString(justice).replace("\"note\": \"注：不含保密项目。\"", "\"note\": \"注：不含涉密项目。\""));
        BatchReport changed = run(data, out, 2, false);
        assertEquals(List.of("2024/市司法局.json"), changed.outcomes().stream()
                .filter(o -> o.kind() == Outcome.Kind.RENDERED).map(o -> o.entry().input()).toList());
        Map<String, byte[]> after = files(out);
        for (String name : before.keySet()) {
            boolean justiceOutput = name.startsWith("2024/市司法局.");
            assertEquals(!justiceOutput, Arrays.equals(before.get(name), after.get(name)), name);
        }

        BatchReport forced = run(data, out, 2, true);
        assertEquals(3, forced.count(Outcome.Kind.RENDERED));
        files(out).forEach((name, bytes) -> assertArrayEquals(after.get(name), bytes, "deterministic: " + name));
    }

    @Test
    void aDeletedInputsOutputsAreRemoved() throws IOException {
        Path data = data();
        Path out = tmp.resolve("out");
        run(data, out, 1, false);
        Files.delete(data.resolve("2020/一中院.json"));
        BatchReport r = run(data, out, 1, false);
        assertEquals(List.of("2020/一中院.docx", "2020/一中院.pdf"), r.removed().stream().sorted().toList());
        assertFalse(Files.exists(out.resolve("2020/一中院.pdf")));
        assertFalse(Manifest.load(out).documents().containsKey("2020/一中院.json"));
    }

    @Test
    void anInvalidFileIsReportedWhileTheOthersAreWritten() throws IOException {
        Path data = data();
        Files.writeString(data.resolve("2024/坏文件.json"), "{ \"style\": \"guangzhou\", \"year\": 2024 }");
        Path out = tmp.resolve("out");
        BatchReport r = run(data, out, 2, false);
        assertEquals(2, r.exitCode());
        assertEquals(3, r.count(Outcome.Kind.RENDERED));
        Outcome bad = r.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.INVALID).findFirst().orElseThrow();
        assertEquals("2024/坏文件.json", bad.entry().input());
        assertTrue(bad.entry().errors().get(0).contains("$.department: 缺少必填字段 \"department\"（部门名称）"),
                bad.entry().errors().toString());
        assertFalse(Files.exists(out.resolve("2024/坏文件.pdf")));
        assertTrue(Files.exists(out.resolve("2024/市司法局.pdf")));
        assertEquals(Manifest.Status.INVALID, Manifest.load(out).documents().get("2024/坏文件.json").status());
        // still invalid, and still said so, on a rerun that skips it
        assertEquals(2, run(data, out, 2, false).exitCode());
    }

    @Test
    void theManifestRecordsHashesSizesAndPages() throws IOException {
        Path data = data();
        Path out = tmp.resolve("out");
        run(data, out, 2, false);
        Manifest.Entry court = Manifest.load(out).documents().get("2024/市中级人民法院.json");
        assertEquals(Manifest.Status.OK, court.status());
        assertEquals("项目支出绩效目标表（含转移支付项目）", court.title(), "the title after the style's default");
        assertEquals(Hashes.sha256Hex(Files.readAllBytes(data.resolve("2024/市中级人民法院.json"))), court.inputSha256());
        assertEquals("广东省广州市中级人民法院（本级）", court.department());
        Manifest.Output pdf = court.outputs().get(0);
        assertEquals("2024/市中级人民法院.pdf", pdf.path());
        assertEquals(5, pdf.pages());
        byte[] bytes = Files.readAllBytes(out.resolve(pdf.path()));
        assertEquals(bytes.length, pdf.bytes());
        assertEquals(Hashes.sha256Hex(bytes), pdf.sha256());
        assertEquals(64, court.fingerprint().length());
    }

    @Test
    void aSymlinkedFolderInDataDirIsNotFollowed() throws IOException {
        Path data = data();
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.copy(Examples.COURT, outside.resolve("外部.json"));
        Files.createSymbolicLink(data.resolve("link"), outside);
        Path out = tmp.resolve("out");
        BatchReport r = run(data, out, 1, false);
        assertEquals(3, r.outcomes().size());
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(1, s.count(), "nothing written outside OUT_DIR");
        }
    }

    @Test
    void aSymlinkInOutDirCannotLeadWritesOutsideIt() throws IOException {
        Path data = data();
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("2024"), outside);
        BatchReport r = run(data, out, 1, false);
        assertEquals(1, r.exitCode());
        assertEquals(2, r.count(Outcome.Kind.FAILED));
        assertTrue(r.outcomes().stream().filter(o -> o.kind() == Outcome.Kind.FAILED)
                .allMatch(o -> o.entry().errors().get(0).startsWith("拒绝写到输出目录之外（经由符号链接）")));
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(0, s.count(), "nothing written outside OUT_DIR");
        }
        assertTrue(Files.exists(out.resolve("2020/一中院.pdf")));
    }

    @Test
    void outputPathsNeverLeaveTheOutputFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out")).toRealPath();
        assertThrows(IOException.class, () -> BatchRunner.inside(out, "../x.pdf"));
        assertThrows(IOException.class, () -> BatchRunner.inside(out, "a/../../x.pdf"));
        assertEquals(out.resolve("a/x.pdf"), BatchRunner.inside(out, "a/x.pdf"));
    }

    @Test
    void theManifestAndTheIndexPageSayWhichFilesArePdfA() throws IOException {
        Path data = data();
        Path out = tmp.resolve("out");
        BatchOptions archival = new BatchOptions(data, out, List.of(Format.PDF, Format.DOCX), 2, false,
                new RenderOptions(true), null);
        assertEquals(0, new BatchRunner(Examples.PERFDOC, archival).run(Progress.NONE).exitCode());
        for (Manifest.Entry e : Manifest.load(out).documents().values()) {
            for (Manifest.Output o : e.outputs()) {
                assertEquals(o.format().equals("pdf") ? "PDF/A-2u" : null, o.conformance(), o.path());
            }
        }
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertEquals(3, html.split("<span class=\"archival\">PDF/A-2u</span>", -1).length - 1, html);
        // plain PDFs again: the render options are part of the fingerprint, so every PDF is rewritten
        BatchReport plain = run(data, out, 2, false);
        assertEquals(3, plain.count(Outcome.Kind.RENDERED));
        assertFalse(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8).contains("PDF/A"));
    }

    @Test
    void indexHtmlListsEveryDocumentWithLinks() throws IOException {
        Path data = data();
        Files.writeString(data.resolve("2024/坏文件.json"), "{");
        Path out = tmp.resolve("out");
        run(data, out, 2, false);
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("共 4 个文件：成功 3，无效 1，失败 0"), html);
        assertTrue(html.contains("<a href=\"2024/%E5%B8%82%E5%8F%B8%E6%B3%95%E5%B1%80.pdf\">PDF</a>"), html);
        assertTrue(html.contains("<td>广州市司法局<br/><span class=\"title\">"), html);
        assertTrue(html.contains("JSON 语法错误"));
    }
}
