package io.opengws.local.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code ./gws <command>} run from the checkout as a person runs it, its output collected line by line. */
final class GwsUpProcess {

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private GwsUpProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collect, "gws-output");
        reader.setDaemon(true);
        reader.start();
    }

    static GwsUpProcess run(Path repository, Map<String, String> environment, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", repository.resolve("gws").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new GwsUpProcess(builder.start());
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException ended) {
            // The process is gone; what was read stays.
        }
    }

    /** Waits for a line containing {@code text}; fails with the whole output if the process ends first. */
    void awaitLine(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (hasLine(text)) {
                return;
            }
            if (!process.isAlive() && !hasLine(text)) {
                Thread.sleep(200);
                if (hasLine(text)) {
                    return;
                }
                throw new AssertionError("./gws ended (code " + process.exitValue() + ") before printing '" + text + "':\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("./gws did not print '" + text + "' within " + timeout.toSeconds() + " s:\n" + output());
    }

    boolean hasLine(String text) {
        synchronized (output) {
            return output.stream().anyMatch(line -> line.contains(text));
        }
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, as {@code ./gws down} or a terminal closing sends it. */
    void terminate() {
        process.destroy();
    }

    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(process.exitValue());
        }
        return Optional.empty();
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static Optional<Long> pidFile(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim())) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
