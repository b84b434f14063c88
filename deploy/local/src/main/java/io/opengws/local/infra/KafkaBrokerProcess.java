package io.opengws.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import io.opengws.common.events.Topics;
import io.opengws.local.JvmOptions;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller) in a JVM of its own, with the
 * classpath Maven resolved for {@code gws-local-kafka-broker}: {@code kafka.tools.StorageTool format} on
 * first use of the data directory, then {@code kafka.Kafka}. The topics of {@link Topics#ALL} are created
 * with their partition counts, {@code gws.directory} compacted.
 */
public final class KafkaBrokerProcess {

    private static final String CLASSPATH_RESOURCE = "/io/opengws/local/kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private KafkaBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param workDirectory holds the configuration, the data (kept between runs) and the broker's log
     */
    public static KafkaBrokerProcess start(Path workDirectory, int port, int controllerPort) {
        try {
            Path dataDirectory = workDirectory.resolve("data");
            Files.createDirectories(dataDirectory);
            Path config = workDirectory.resolve("server.properties");
            writeConfig(config, dataDirectory, port, controllerPort);
            Path log = workDirectory.resolve("broker.log");
            if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
                format(config, log);
            }
            Process process = java(List.of("kafka.Kafka", config.toString()), log).start();
            KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port);
            broker.awaitReadyAndCreateTopics(log);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** A controlled shutdown (SIGTERM), forced if it takes longer than 30 seconds. */
    public void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(30));
    }

    private static void writeConfig(Path config, Path dataDirectory, int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", dataDirectory.toString()),
                // Topics are created explicitly with their partition counts; a typo must not invent one.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // One broker: consumer groups need not wait for others to join.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.retention.hours", "168"),
                // The log cleaner compacts the directory and offsets topics, a few MiB at most: its buffer of keys
                // need not be the default 128 MiB of heap, which was more than half of what the broker kept.
                Map.entry("log.cleaner.dedupe.buffer.size", "16777216"),
                // Idle client connections are kept, as the clients keep them (common's kafka.connections.max.idle.ms):
                // closed after the default 10 minutes, each client took its disconnect path then, a rare one.
                Map.entry("connections.max.idle.ms", "-1")));
        try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by deploy/local at each start");
        }
    }

    private static void format(Path config, Path log) throws IOException {
        List<String> arguments = List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString());
        Process format = java(arguments, log).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
    }

    /**
     * The broker is on the way of every notification (the relay's produce, the notification service's fetch). It
     * allocates little (about 12 MiB/s under the chat bench: produced records go to the page cache, fetches are sent
     * from it) and keeps little, so a large young generation collects every 20 s or so and copies almost nothing:
     * pauses of 9-22 ms on the two busy cores. With G1 it shrank its young generation to 15 MiB for a 20 ms pause goal, and stopped every
     * 1.5-2.5 s for 22-70 ms on the two busy cores. ZGC never stopped it, but ran a major collection every 20-25 s
     * because it was cheap (Proactive): 0.13-0.36 s of concurrent marking at a normal thread's priority, and the
     * seconds it ran were among the chat bench's worst.
     */
    private static ProcessBuilder java(List<String> mainAndArguments, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-Xmn256m", "-XX:+UseParallelGC"));
        command.addAll(JvmOptions.everyJvm(JvmOptions.RELEASE));
        command.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", brokerClasspath()));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    static String brokerClasspath() throws IOException {
        try (InputStream classpath = KafkaBrokerProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (classpath == null) {
                throw new IllegalStateException("The Kafka broker classpath is missing: build deploy/local/kafka-broker first");
            }
            return new String(classpath.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private void awaitReadyAndCreateTopics(Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + log);
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    createTopics(admin);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        stop();
                        throw new IllegalStateException("Kafka was not ready after " + START_TIMEOUT.toSeconds() + " s; see " + log);
                    }
                    sleep(250);
                }
            }
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /**
     * Created is not yet served: on a busy machine the broker answers "unknown topic" for a moment after creating
     * one. Started means every topic can be described with all its partitions.
     */
    private static void awaitTopics(Admin admin) throws InterruptedException, ExecutionException {
        Instant deadline = Instant.now().plusSeconds(30);
        List<String> names = Topics.ALL.stream().map(Topics.Spec::name).toList();
        while (true) {
            try {
                var described = admin.describeTopics(names).allTopicNames().get();
                if (Topics.ALL.stream().allMatch(spec -> described.get(spec.name()).partitions().size() == spec.partitions())) {
                    return;
                }
            } catch (ExecutionException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The topics were created but do not all have their partitions after 30 s");
            }
            Thread.sleep(100);
        }
    }

    static void createTopics(Admin admin) throws InterruptedException, ExecutionException {
        for (Topics.Spec spec : Topics.ALL) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
            if (spec.compacted()) {
                topic.configs(Map.of("cleanup.policy", "compact"));
            }
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitTopics(admin);
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
