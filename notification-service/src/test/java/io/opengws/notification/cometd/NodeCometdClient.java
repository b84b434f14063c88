package io.opengws.notification.cometd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs src/test/node/client.mjs (the official CometD JavaScript client on Node) in a process of its own, one
 * simulated browser. The npm packages are installed with {@code npm ci} from the committed lock file into
 * target/cometd-node-client, once per lock file.
 */
final class NodeCometdClient implements AutoCloseable {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path INSTALLED = Path.of("target", "cometd-node-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "client.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> backlog = new ArrayList<>();
    private final StringBuilder errors = new StringBuilder();

    NodeCometdClient(String url, String authorization, String subscription) throws IOException, InterruptedException {
        install();
        process = new ProcessBuilder("node", "client.mjs", url, authorization, subscription)
                .directory(INSTALLED.toFile()).start();
        startReader("node-cometd-stdout", false);
        startReader("node-cometd-stderr", true);
    }

    /**
     * The next line the client reported with this {@code event} (lines of other events are kept for their own
     * wait, since the client reports in its order, not the test's); fails after {@code seconds}.
     */
    JsonNode await(String event, long seconds) throws InterruptedException {
        for (Iterator<JsonNode> earlier = backlog.iterator(); earlier.hasNext();) {
            JsonNode line = earlier.next();
            if (event.equals(line.path("event").asText())) {
                earlier.remove();
                return line;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonNode next = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("the Node CometD client did not report '" + event + "' within " + seconds
                        + " s; its stderr: " + stderr());
            }
            if (event.equals(next.path("event").asText())) {
                return next;
            }
            backlog.add(next);
        }
    }

    void send(String command) throws IOException {
        Writer stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        stdin.write(command + "\n");
        stdin.flush();
    }

    int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the Node CometD client did not exit; its stderr: " + stderr());
        }
        return process.exitValue();
    }

    private String stderr() {
        synchronized (errors) {
            return errors.toString();
        }
    }

    private void startReader(String name, boolean isStderr) {
        Thread reader = new Thread(() -> read(process, isStderr), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process running, boolean isStderr) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                isStderr ? running.getErrorStream() : running.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (isStderr) {
                    synchronized (errors) {
                        errors.append(line).append('\n');
                    }
                } else {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException ended) {
            // The process is gone; what it wrote is kept.
        }
    }

    /** npm ci from the committed lock file, again only when one of the files changed. */
    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(INSTALLED);
        boolean changed = false;
        for (String file : FILES) {
            Path source = SOURCES.resolve(file);
            Path target = INSTALLED.resolve(file);
            if (!Files.exists(target) || Files.mismatch(source, target) >= 0) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (!changed && Files.isDirectory(INSTALLED.resolve("node_modules").resolve("cometd"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(INSTALLED.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + INSTALLED + ":\n" + output);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
