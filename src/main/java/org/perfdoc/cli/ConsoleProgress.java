package org.perfdoc.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.perfdoc.batch.Manifest;
import org.perfdoc.batch.Outcome;
import org.perfdoc.batch.Progress;

/** A batch's progress on the console: a bar on a terminal, one line per document in logs (CI, cron). */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** The bar when {@code out} is an interactive terminal, else lines. */
    static Progress forConsole(PrintStream out) {
        return interactive() ? new Bar() : new Lines(out);
    }

    /** True on a terminal. From Java 22 System.console() exists when redirected too; isTerminal() tells. */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only there for a terminal
        }
    }

    /** One line per document: {@code [12/1000] 2024/市司法局.json 已生成 pdf,docx（5 页）83 ms}. */
    static final class Lines implements Progress {
        private final PrintStream out;
        private final AtomicInteger done = new AtomicInteger();
        private int total;

        Lines(PrintStream out) {
            this.out = out;
        }

        @Override
        public void started(int total) {
            this.total = total;
        }

        @Override
        public void done(Outcome o) {
            Manifest.Entry e = o.entry();
            String what = switch (o.kind()) {
                case RENDERED -> "已生成 " + String.join(",", e.outputs().stream().map(Manifest.Output::format).toList())
                        + e.outputs().stream().filter(x -> x.pages() != null).findFirst()
                                .map(x -> "（" + x.pages() + " 页）").orElse("");
                case UNCHANGED -> "未变，跳过";
                case INVALID -> "无效（" + e.errors().size() + " 个错误）";
                case FAILED -> "失败：" + (e.errors().isEmpty() ? "" : e.errors().get(0));
            };
            synchronized (out) {
                out.printf("[%d/%d] %s %s %d ms%n", done.incrementAndGet(), total, e.input(), what, o.millis());
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** me.tongfei:progressbar: count, rate and ETA, redrawn in place. */
    static final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public void started(int total) {
            bar = new ProgressBarBuilder().setTaskName("生成").setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).showSpeed().setUnit(" 份", 1).build();
        }

        @Override
        public void done(Outcome outcome) {
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
