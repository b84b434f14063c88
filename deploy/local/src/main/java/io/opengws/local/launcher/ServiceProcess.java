package io.opengws.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opengws.local.GwsService;
import io.opengws.local.infra.ChildProcesses;

/** One service running from its Quarkus build as a child process of the launcher, its output in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final GwsService service;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(GwsService service, int port, Process process, Path log) {
        this.service = service;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(GwsService service, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
            Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(service.serviceName() + " is not built (" + jar + " is missing): run ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // glibc gives each thread that allocates natively an arena of its own (up to 8 per core); two keep the
        // services' resident memory tens of MiB lower at no measurable cost, unless MALLOC_ARENA_MAX is set already.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            return new ServiceProcess(service, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.serviceName() + ": " + e.getMessage(), e);
        }
    }

    GwsService service() {
        return service;
    }

    String name() {
        return service.serviceName();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Ready means its own {@code /q/health/ready} answers 200: database and Kafka reachable. */
    boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), forced after 20 seconds. */
    void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }
}
