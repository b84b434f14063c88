package io.opengws.local.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opengws.local.GwsService;
import io.opengws.local.PortPlan;
import io.opengws.local.edge.EdgeRouter;
import io.opengws.local.edge.RouteTable;
import io.opengws.local.infra.DockerInfrastructure;
import io.opengws.local.infra.EmbeddedInfrastructure;
import io.opengws.local.infra.InfraMode;
import io.opengws.local.infra.Infrastructure;

/**
 * The whole system on one machine, as {@code ./gws up} runs it: PostgreSQL and Kafka (embedded, or in
 * containers with {@code -Dgws.infra=docker}), the four services from their builds, and the edge on the
 * public port. Starting waits until every service is ready; stopping undoes everything in reverse.
 */
final class LocalSystem {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final LauncherSettings settings;
    private final PrintStream out;
    private final RunDirectory run;
    private Infrastructure infrastructure;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EdgeRouter edge;

    LocalSystem(LauncherSettings settings, RunDirectory run, PrintStream out) {
        this.settings = settings;
        this.run = run;
        this.out = out;
    }

    void start() {
        PortPlan ports = settings.ports();
        startInfrastructure(ports);
        for (GwsService service : GwsService.values()) {
            infrastructure.ensureDatabase(service.database());
        }
        for (GwsService service : GwsService.values()) {
            Path log = settings.home().resolve("logs").resolve(service.serviceName() + ".log");
            say("starting " + service.serviceName() + " on port " + ports.service(service) + " (log " + settings.relative(log) + ")");
            ServiceProcess process = ServiceProcess.start(service, service.runnableJar(settings.repository()),
                    ports.service(service), environmentOf(service), settings.serviceJvmOptions(service), log);
            services.add(process);
            run.writePid(service.serviceName(), process.pid());
        }
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (GwsService service : GwsService.values()) {
            servicePorts.put(service.serviceName(), ports.service(service));
        }
        edge = EdgeRouter.start(ports.edge(), RouteTable.load(), servicePorts);
        say("edge listening on port " + ports.edge());
        awaitReady();
    }

    private void startInfrastructure(PortPlan ports) {
        try {
            Files.createDirectories(settings.home().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (InfraMode.configured().resolve() == InfraMode.DOCKER) {
            say("starting PostgreSQL and Kafka in containers (Testcontainers)");
            infrastructure = DockerInfrastructure.start();
            return;
        }
        Path postgresData = settings.home().resolve("postgres");
        say("starting PostgreSQL on port " + ports.postgres() + " (data in " + settings.relative(postgresData) + ")");
        say("starting Kafka on port " + ports.kafka() + " (data in " + settings.relative(settings.home().resolve("kafka")) + ")");
        EmbeddedInfrastructure embedded = EmbeddedInfrastructure.start(postgresData, ports.postgres(),
                settings.home().resolve("kafka"), ports.kafka(), ports.kafkaController());
        run.writePid("kafka", embedded.kafkaPid());
        infrastructure = embedded;
    }

    private Map<String, String> environmentOf(GwsService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_PROFILE", "local");
        // glibc's per-thread malloc arenas inflate a JVM's resident memory; two are enough for a service.
        environment.putIfAbsent("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.databaseUser());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.databasePassword());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("GWS_PUBLIC_ORIGIN", settings.publicOrigin());
        environment.put("GWS_ADMIN_USER", settings.adminUser());
        environment.put("GWS_ADMIN_PASSWORD", settings.adminPassword());
        return environment;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    reportExit(service);
                    throw new IllegalStateException(service.name() + " did not start");
                }
                if (service.isReady()) {
                    say(service.name() + " is ready");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                waiting.forEach(service -> reportLines(service, "is not ready after " + READY_TIMEOUT.toSeconds() + " s"));
                throw new IllegalStateException("not every service became ready");
            }
            sleep(500);
        }
    }

    /** Blocks, reporting a service that stops on its own, until the launcher is told to stop. */
    void superviseUntilInterrupted() {
        List<ServiceProcess> reported = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            for (ServiceProcess service : services) {
                if (!service.isAlive() && !reported.contains(service)) {
                    reported.add(service);
                    reportExit(service);
                    say("the edge answers 503 for " + service.name() + " until the system is restarted");
                }
            }
            sleep(1000);
        }
    }

    void stop() {
        if (edge != null) {
            edge.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            say("stopping " + services.get(i).name());
            services.get(i).stop();
        }
        if (infrastructure != null) {
            say("stopping Kafka and PostgreSQL");
            infrastructure.close();
        }
        run.clear();
    }

    private void reportExit(ServiceProcess service) {
        reportLines(service, "exited with code " + service.exitCode());
    }

    private void reportLines(ServiceProcess service, String what) {
        out.println("[" + service.name() + "] " + what + "; last lines of " + settings.relative(service.log()) + ":");
        service.lastLogLines(15).forEach(line -> out.println("[" + service.name() + "]   " + line));
    }

    Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        String origin = settings.publicOrigin();
        endpoints.put("API", origin + "/api/v2");
        endpoints.put("CometD", origin + "/api/v2/notifications");
        endpoints.put("health (all)", origin + "/q/health");
        for (ServiceProcess service : services) {
            endpoints.put(service.name(), origin + "/" + service.name() + "/q/health (direct: http://localhost:" + service.port() + ")");
        }
        return endpoints;
    }

    private void say(String line) {
        out.println("gws: " + line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
