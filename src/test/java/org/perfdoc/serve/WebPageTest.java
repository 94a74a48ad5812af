package org.perfdoc.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfdoc.Examples;
import org.perfdoc.PdfText;
import org.perfdoc.Tools;

/**
 * The web page in a real browser (Debian's chromium through chromedriver): a valid file gives its
 * summary, its page images and a PDF that loads; an invalid one lists each problem with its place; a
 * 30 MB one is refused, naming the limit.
 */
class WebPageTest {
    @TempDir
    Path dir;

    ServerFixture server;
    ChromeDriver browser;
    Path downloads;

    @BeforeEach
    void open() throws Exception {
        String chromium = Tools.require("web page test in a browser", "chromium", "chromium-browser");
        String driver = Tools.require("web page test in a browser", "chromedriver");
        server = ServerFixture.real(ServeConfig.loopback(2, 8, Duration.ofSeconds(60), 20 << 20, null));
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,1600", "--user-data-dir=" + dir.resolve("profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .build(), options);
        browser.get(server.uri("/").toString());
        wait(Duration.ofSeconds(10)).until(b -> !b.findElement(By.id("limit-hint")).getText().isEmpty());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    WebDriverWait wait(Duration d) {
        return new WebDriverWait(browser, d);
    }

    void pick(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    }

    String status() {
        return browser.findElement(By.id("status")).getText();
    }

    @Test
    void aValidFileShowsItsPagesAndGivesAPdfThatLoads() throws Exception {
        pick(Examples.COURT);
        wait(Duration.ofSeconds(60)).until(b -> status().startsWith("检查通过："));
        assertEquals("广东省广州市中级人民法院（本级）", browser.findElement(By.id("s-department")).getText());
        assertEquals("5", browser.findElement(By.id("s-pages")).getText());
        List<WebElement> pages = browser.findElements(By.cssSelector("#pages img"));
        assertEquals(5, pages.size());
        assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#pages img')].every(i => i.complete && i.naturalWidth > 500)"));
        Files.write(Path.of("target/serve-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("get-pdf")).click();
        Path pdf = download(".pdf");
        assertEquals("2025年 广东省广州市中级人民法院（本级） 项目支出绩效目标表（含转移支付项目）.pdf",
                pdf.getFileName().toString());
        try (PdfText text = new PdfText(Files.readAllBytes(pdf))) {
            assertEquals(5, text.pages());
            assertTrue(text.page(1).contains("项目支出绩效目标表（含转移支付项目）"));
        }
        browser.findElement(By.id("get-docx")).click();
        assertTrue(Files.size(download(".docx")) > 10_000);
    }

    @Test
    void anInvalidFileListsEveryProblemWithItsPlace() throws Exception {
        String bad = Files.readString(Examples.COURT).replaceFirst("\"level2\": \"数量指标\"", "\"level2\": \"数量\"")
                .replaceFirst("\"fiscal\": 140", "\"fiscal\": -140");
        Path file = Files.writeString(dir.resolve("2024年预算.json"), bad);
        pick(file);
        wait(Duration.ofSeconds(30)).until(b -> status().contains("个错误"));
        assertEquals("“2024年预算.json”有 3 个错误，未生成文件", status());
        List<WebElement> errors = browser.findElements(By.cssSelector("#errors li"));
        assertEquals(3, errors.size());
        assertTrue(errors.get(0).getText().startsWith("第 12 行 第 24 列 $.units[0].projects[0].amounts.fiscal"),
                errors.get(0).getText());
        assertTrue(errors.get(0).getText().endsWith("财政拨款不能为负数，实际为 -140.00"), errors.get(0).getText());
        assertTrue(errors.get(2).getText().contains("\"产出指标\" 下没有二级指标 \"数量\""), errors.get(2).getText());
        assertEquals("rgba(179, 38, 30, 1)", errors.get(0).findElement(By.className("where")).getCssValue("color"),
                "the place is in red");
        assertTrue(browser.findElement(By.id("downloads")).getAttribute("hidden") != null, "nothing to download");
    }

    @Test
    void aThirtyMegabyteFileIsRefusedNamingTheLimit() throws Exception {
        Path big = dir.resolve("大文件.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(30L << 20);
        }
        pick(big);
        wait(Duration.ofSeconds(10)).until(b -> status().contains("上限"));
        assertEquals("文件“大文件.json”大小 30.0 MB，超过服务器的上限 20.0 MB，未上传", status());
    }

    @Test
    void aFileDroppedOnThePageIsChecked() throws Exception {
        String json = Files.readString(Examples.JUSTICE);
        ((JavascriptExecutor) browser).executeScript("""
                const data = new DataTransfer();
                data.items.add(new File([arguments[0]], "司法局.json", { type: "application/json" }));
                document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true }));
                """, json);
        wait(Duration.ofSeconds(60)).until(b -> status().startsWith("检查通过："));
        assertEquals("7", browser.findElement(By.id("s-pages")).getText());
    }

    @Test
    void aFinanceOfficerDownloadsTheTemplateAndUploadsTheFilledWorkbook() throws Exception {
        List<WebElement> templates = browser.findElements(By.cssSelector("#template-links button"));
        assertEquals(List.of("下载模板：广州 项目支出绩效目标表（guangzhou）", "下载模板：上海 财政项目支出绩效目标表（shanghai）"),
                templates.stream().map(WebElement::getText).toList());
        templates.get(0).click();
        Path template = download(".xlsx");
        assertEquals("绩效目标表模板-guangzhou.xlsx", template.getFileName().toString());
        try (var wb = org.perfdoc.Workbooks.open(Files.readAllBytes(template))) {
            assertEquals("项目", wb.getSheetName(2));
        }
        // filled in with a mistake in one cell
        var wb = org.perfdoc.Workbooks.open(org.perfdoc.Workbooks.of(Examples.COURT));
        wb.getSheet("绩效指标").getRow(13).getCell(3).setCellValue("数量");
        Path filled = Files.write(dir.resolve("2024年预算.xlsx"), org.perfdoc.Workbooks.bytes(wb));
        pick(filled);
        wait(Duration.ofSeconds(30)).until(b -> status().contains("个错误"));
        assertEquals("“2024年预算.xlsx”有 1 个错误，未生成文件", status());
        WebElement error = browser.findElement(By.cssSelector("#errors li"));
        assertTrue(error.getText().startsWith("绩效指标!D14"), error.getText());
        Files.write(Path.of("target/serve-page-xlsx.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        pick(Files.write(dir.resolve("2024年.xlsx"), org.perfdoc.Workbooks.of(Examples.COURT)));
        wait(Duration.ofSeconds(60)).until(b -> status().startsWith("检查通过："));
        assertEquals("5", browser.findElement(By.id("s-pages")).getText());
    }

    /** The file Chromium downloaded with {@code extension}, once it is complete. */
    Path download(String extension) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(extension)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no " + extension + " downloaded: " + status());
    }
}
