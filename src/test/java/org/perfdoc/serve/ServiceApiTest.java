package org.perfdoc.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.render.Format;
import org.perfdoc.render.RenderOptions;

/** The service's routes with the real perfdoc behind them, on a real server on loopback. */
class ServiceApiTest {
    static ServerFixture s;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        s = ServerFixture.real(ServeConfig.loopback(2, 8, Duration.ofSeconds(60), 20 << 20, null));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static HttpRequest.Builder upload(String path, byte[] body, String contentType) {
        return HttpRequest.newBuilder(s.uri(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static byte[] court() throws IOException {
        return Files.readAllBytes(Examples.COURT);
    }

    @Test
    void renderGivesTheSameBytesAsTheCommandLineWithTheDocumentsChineseName() throws Exception {
        HttpResponse<byte[]> pdf = s.send(upload("/api/render?format=pdf", court(), "application/json").build());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        byte[] expected = Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF).bytes();
        assertArrayEquals(expected, pdf.body());
        String cd = pdf.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(cd.startsWith("attachment; filename=\""), cd);
        assertEquals("2025年 广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）.pdf",
                URLDecoder.decode(cd.substring(cd.indexOf("filename*=UTF-8''") + 17), StandardCharsets.UTF_8));

        HttpResponse<byte[]> docx = s.send(upload("/api/render?format=docx", court(), "application/json").build());
        assertEquals(200, docx.statusCode());
        assertArrayEquals(Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.DOCX).bytes(),
                docx.body());

        HttpResponse<byte[]> zip = s.send(upload("/api/render?format=zip", court(), "application/json").build());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        String stem = "2025年 广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）";
        assertEquals(List.of(stem + ".docx", stem + ".pdf"), List.copyOf(entries.keySet()));
        assertArrayEquals(expected, entries.get(stem + ".pdf"));
    }

    @Test
    void pdfaOnRequestIsTheArchivalPdf() throws Exception {
        HttpResponse<byte[]> r = s.send(upload("/api/render?pdfa=true", court(), "application/json").build());
        assertEquals(200, r.statusCode());
        assertArrayEquals(Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF,
                new RenderOptions(true)).bytes(), r.body());
        assertEquals(400, s.send(upload("/api/render?pdfa=yes", court(), "application/json").build()).statusCode());
    }

    @Test
    void validateListsTheCommandLinesProblemsWithTheirPlaces() throws Exception {
        String bad = Files.readString(Examples.COURT).replaceFirst("\"level2\": \"数量指标\"", "\"level2\": \"数量\"")
                .replaceFirst("\"fiscal\": 140", "\"fiscal\": -140");
        Path file = Files.writeString(dir.resolve("2024.json"), bad);
        HttpResponse<byte[]> r = s.send(upload("/api/validate?name=2024.json", bad.getBytes(StandardCharsets.UTF_8),
                "application/json").build());
        assertEquals(200, r.statusCode());
        JsonNode json = Replies.JSON.readTree(r.body());
        List<String> served = new ArrayList<>();
        for (JsonNode p : json.get("errors")) {
            assertTrue(p.get("line").asInt() > 0 && p.get("column").asInt() > 0 && p.get("path").asText().startsWith("$."), p.toString());
            served.add(p.get("text").asText().replace("2024.json", file.toString()));
        }
        assertEquals(3, served.size(), json.toString()); // the negative amount, so its total, and the 二级 name
        Cli.Run cli = Cli.run("validate", file.toString());
        assertEquals(served, cli.err().lines().filter(l -> l.contains(": 错误: ")).toList());
        assertEquals("广东省广州市中级人民法院（本级）", json.get("summary").get("department").asText());

        HttpResponse<byte[]> refused = s.send(upload("/api/render", bad.getBytes(StandardCharsets.UTF_8),
                "application/json").build());
        assertEquals(422, refused.statusCode(), "invalid input renders nothing");
        assertEquals(3, Replies.JSON.readTree(refused.body()).get("errors").size());
    }

    @Test
    void truncatedJsonAndABodyThatIsNotWhatItClaimsAre422WithTheReason() throws Exception {
        byte[] truncated = new String(court(), StandardCharsets.UTF_8).substring(0, 500).getBytes(StandardCharsets.UTF_8);
        JsonNode t = Replies.JSON.readTree(s.send(upload("/api/render", truncated, "application/json").build()).body());
        assertTrue(t.get("errors").get(0).get("message").asText().startsWith("JSON 语法错误：文件在中途结束"), t.toString());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        HttpResponse<byte[]> r = s.send(upload("/api/render", png, "application/json").build());
        assertEquals(422, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("UTF-8"), new String(r.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> next = s.send(upload("/api/render", court(), "application/json").build());
        assertEquals(200, next.statusCode(), "and the next request is served");
    }

    @Test
    void previewShowsEveryPageAsAnImage() throws Exception {
        HttpResponse<byte[]> r = s.send(upload("/api/preview", court(), "application/json").build());
        assertEquals(200, r.statusCode());
        JsonNode json = Replies.JSON.readTree(r.body());
        assertEquals(5, json.get("pages").asInt());
        assertEquals(5, json.get("images").size());
        assertTrue(json.get("images").get(0).asText().startsWith("data:image/png;base64,iVBORw0KGgo"));
        assertEquals(17, json.get("summary").get("projects").asInt());
    }

    @Test
    void stylesSchemaLimitsHealthAndMetricsDescribeTheService() throws Exception {
        JsonNode styles = Replies.JSON.readTree(s.get("/api/styles").body());
        assertEquals("guangzhou", styles.get(0).get("name").asText());
        assertTrue(styles.get(0).get("indicatorFormats").has("dashed"));
        assertTrue(s.get("/api/schema").body().contains("\"indicatorFormat\""));
        JsonNode limits = Replies.JSON.readTree(s.get("/api/limits").body());
        assertEquals(20 << 20, limits.get("maxBodyBytes").asLong());
        assertEquals(200, s.get("/healthz").statusCode());
        s.send(upload("/api/render", court(), "application/json").build());
        String metrics = s.get("/metrics").body();
        for (String name : List.of("perfdoc_http_requests_total{route=\"render\",status=\"200\"}",
                "perfdoc_render_seconds_bucket{operation=\"render\",outcome=\"ok\",le=\"0.25\"}",
                "perfdoc_documents_in_flight", "perfdoc_queue_length", "jvm_memory_used_bytes")) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
        String page = s.get("/").body();
        assertTrue(page.contains("<html lang=\"zh-CN\">") && page.contains("将文件拖到此处"), page);
        for (String asset : List.of("/", "/assets/app.js", "/assets/app.css")) {
            String text = s.get(asset).body();
            assertFalse(text.contains("http://") || text.contains("https://"), asset + " loads nothing from outside");
        }
        assertEquals(200, s.get("/assets/fonts/NotoSansSC-Regular.ttf").statusCode());
        int traversal = s.get("/assets/../pom.xml").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "no way out of the assets: " + traversal);
        assertEquals(404, s.get("/assets/style.json").statusCode(), "only the page's own files");
        assertTrue(s.get("/assets/guangzhou%2Fstyle.json").statusCode() >= 400);
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theTemplateIsServedAndAFilledWorkbookRendersLikeItsJson() throws Exception {
        HttpResponse<byte[]> t = s.send(HttpRequest.newBuilder(s.uri("/api/template.xlsx?style=shanghai")).GET().build());
        assertEquals(200, t.statusCode());
        assertEquals(XLSX, t.headers().firstValue("Content-Type").orElse(""));
        assertTrue(t.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"));
        assertArrayEquals(Examples.PERFDOC.workbookTemplate("shanghai"), t.body());
        HttpResponse<byte[]> none = s.send(HttpRequest.newBuilder(s.uri("/api/template.xlsx?style=beijing")).GET().build());
        assertEquals(400, none.statusCode());
        assertTrue(new String(none.body(), StandardCharsets.UTF_8).contains("guangzhou, shanghai"));

        byte[] workbook = org.perfdoc.Workbooks.of(Examples.COURT);
        HttpResponse<byte[]> pdf = s.send(upload("/api/render?format=pdf&name=2024.xlsx", workbook, XLSX).build());
        assertEquals(200, pdf.statusCode());
        assertArrayEquals(Examples.PERFDOC.render(Examples.read(Examples.COURT).document(), Format.PDF).bytes(), pdf.body());
        HttpResponse<byte[]> back = s.send(upload("/api/render?format=xlsx", court(), "application/json").build());
        assertEquals(XLSX, back.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(workbook, back.body(), "a JSON document handed back as its workbook");
    }

    @Test
    void aWorkbooksProblemsNameTheirCellsAndABombIsRefused() throws Exception {
        org.apache.poi.xssf.usermodel.XSSFWorkbook wb = org.perfdoc.Workbooks.open(org.perfdoc.Workbooks.of(Examples.COURT));
        wb.getSheet("绩效指标").getRow(13).getCell(3).setCellValue("数量");
        byte[] bad = org.perfdoc.Workbooks.bytes(wb);
        JsonNode json = Replies.JSON.readTree(s.send(upload("/api/validate?name=2024.xlsx", bad, XLSX).build()).body());
        JsonNode e = json.get("errors").get(0);
        assertEquals("绩效指标!D14", e.get("cell").asText(), json.toString());
        assertTrue(e.get("text").asText().startsWith("2024.xlsx: 绩效指标!D14: 错误: "), e.toString());
        // a zip bomb: 300 MB of spaces in a 300 KB upload
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        }
        HttpResponse<byte[]> bomb = s.send(upload("/api/render?name=bomb.xlsx", bytes.toByteArray(), XLSX).build());
        assertEquals(422, bomb.statusCode());
        assertTrue(new String(bomb.body(), StandardCharsets.UTF_8).contains("zip 炸弹"), new String(bomb.body(), StandardCharsets.UTF_8));
        assertEquals(200, s.send(upload("/api/render", court(), "application/json").build()).statusCode(),
                "and the next request is served");
    }
}
