package org.perfdoc.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfdoc.Cli.Run;
import org.perfdoc.Cli;
import org.perfdoc.Examples;
import org.perfdoc.problems.Problem;
import org.perfdoc.read.ReadResult;

/** Guarantees 2 and 3 of "Limits and guarantees": bounded resources and encodings. */
class HostileInputTest {
    @TempDir
    Path dir;

    Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void utf8WithAByteOrderMarkIsAccepted() throws IOException {
        byte[] json = Files.readAllBytes(Examples.COURT);
        byte[] bom = new byte[json.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, bom, 3, json.length);
        Run r = Cli.run("validate", file("bom.json", bom).toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aGb18030FileIsNamedAsSuchAndReadWithEncoding() throws IOException {
        String json = Files.readString(Examples.COURT);
        Path gbk = file("gbk.json", json.getBytes(Charset.forName("GB18030")));
        Run refused = Cli.run("validate", gbk.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains(gbk + ": 错误: $: 文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 软件的默认编码）。"
                + "请在编辑器中“另存为 UTF-8”，或者加上选项 --encoding GB18030 读取"), refused.err());
        Run read = Cli.run("render", gbk.toString(), "--encoding", "GB18030", "-o", dir.toString());
        assertEquals(0, read.code(), read.err());
        assertTrue(Files.exists(dir.resolve("gbk.pdf")));
    }

    @Test
    void aDeeplyNestedArrayIsRefusedNotAStackOverflow() throws IOException {
        String deep = "{\"style\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Run r = Cli.run("validate", file("deep.json", deep.getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("JSON 语法错误：嵌套层数超过上限（本格式只需 6 层，文件可能已损坏）"), r.err());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutBeingRead() throws IOException {
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"style\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "甲".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 200 << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        Run r = Cli.run("validate", big.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("文件大小 200.1 MB，超过上限 20.0 MB（确有需要可用 --max-input-mb 调整）"), r.err());
    }

    @Test
    void anOverlongTextIsRefusedWithItsPathAndTheOptionThatRaisesTheLimit() {
        ReadResult read = Examples.PERFDOC.read("long.json", ("{\"style\":\"guangzhou\",\"year\":2024,\"department\":\""
                + "长".repeat(20_001) + "\",\"units\":[]}").getBytes(StandardCharsets.UTF_8));
        Problem p = Examples.PERFDOC.validate(read).get(0);
        assertEquals("$.department", p.path());
        assertEquals("文字长度 20001 个字符，超过上限 20000（确有需要可用 --max-text 调整）", p.message());
    }

    @Test
    void aHundredThousandProjectsAreRefusedByCount() throws IOException {
        StringBuilder sb = new StringBuilder("{\"style\":\"guangzhou\",\"year\":2024,\"department\":\"部门\",\"units\":[{\"name\":\"单位\",\"projects\":[");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"项目\",\"amounts\":{\"fiscal\":1},\"indicators\":[]}");
        }
        sb.append("]}]}");
        Run r = Cli.run("validate", file("many.json", sb.toString().getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("$.units[0].projects: 项目共 100000 个，超过上限 2000（确有需要可用 --max-projects 调整）"), r.err());
        Run raised = Cli.run("validate", dir.resolve("many.json").toString(), "--max-projects", "100000");
        assertTrue(raised.err().contains("项目没有绩效指标") && !raised.err().contains("超过上限"), "the limit is configurable");
    }

    @Test
    void tooManyIndicatorsAreRefused() {
        StringBuilder inds = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            inds.append(i == 0 ? "" : ",").append("{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"n\",\"value\":\"1\"}");
        }
        ReadResult read = Examples.PERFDOC.read("x.json", ("{\"style\":\"guangzhou\",\"year\":2024,\"department\":\"部门\","
                + "\"units\":[{\"name\":\"单位\",\"projects\":[{\"name\":\"项目\",\"amounts\":{},\"indicators\":[" + inds + "]}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        List<Problem> ps = Examples.PERFDOC.validate(read);
        assertEquals("$.units[0].projects[0].indicators: 绩效指标共 501 个，超过上限 500（确有需要可用 --max-indicators 调整）",
                ps.get(0).path() + ": " + ps.get(0).message());
    }

    @Test
    void nulAndNoncharactersInTextAreRefused() {
        ReadResult read = Examples.PERFDOC.read("x.json", ("{\"style\":\"guangzhou\",\"year\":2024,\"department\":\"部\\u0000门\\uFFFE\",\"units\":[]}")
                .getBytes(StandardCharsets.UTF_8));
        Problem p = Examples.PERFDOC.validate(read).get(0);
        assertEquals("部门名称含有文档中不允许的控制字符或非字符 U+0000（第 2 个字符）、U+FFFE（第 4 个字符），请删除（常见于从其他软件复制的文字）",
                p.message());
    }

    @Test
    void nanAndInfinityAreNotNumbers() {
        ReadResult read = Examples.PERFDOC.read("x.json", "{\"style\":\"guangzhou\",\"year\":NaN}".getBytes(StandardCharsets.UTF_8));
        assertNull(read.document());
        assertTrue(Examples.PERFDOC.validate(read).get(0).message().startsWith("JSON 语法错误：NaN 和 Infinity 不是合法的数字"),
                Examples.PERFDOC.validate(read).toString());
    }
}
