package org.perfdoc.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code perfdoc serve} in a child JVM, as an operator runs it: its own memory, its own signals. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("perfdoc serve: http://127\\.0\\.0\\.1:(\\d+)/");

    final Process process;
    final int port;
    private final List<String> log = new ArrayList<>();

    /** Starts {@code java <jvm> -cp <tests' class path> org.perfdoc.cli.Main serve --port 0 <args>}. */
    ServerProcess(List<String> jvm, Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "org.perfdoc.cli.Main", "serve", "--port", "0"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int p = -1;
        for (String line; p < 0 && (line = out.readLine()) != null; ) {
            log(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                p = Integer.parseInt(m.group(1));
            }
        }
        if (p < 0) {
            throw new IOException("perfdoc serve did not start: " + log());
        }
        port = p;
        Thread.ofVirtual().start(() -> out.lines().forEach(this::log));
    }

    private synchronized void log(String line) {
        log.add(line);
    }

    synchronized String log() {
        return String.join("\n", log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Resident memory of the server process, in KB (Linux VmRSS). */
    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
